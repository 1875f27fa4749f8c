package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Operators;
import org.rapport.operator.OperatorConsole;
import org.rapport.people.PeopleManagement;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeCipher;
import org.rapport.protection.NarrativeRewrap;
import org.rapport.protection.RewrapProgress;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Key rotation on a real database: the operator adds a new primary key, new text is encrypted with
 * it at once, older notes, addenda and process notes are re-encrypted under it batch by batch (and
 * a stopped run carries on where it stopped), every note still reads as written, and a copy of a
 * note taken before the rotation, as a backup holds it, still decrypts.
 */
@SpringBootTest
class KeyRotationIntegrationTests {

    static final String TEXT = "Talked through the move to the coast";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired NoteManagement notes;
    @Autowired Operators operators;
    @Autowired OperatorConsole console;
    @Autowired NarrativeRewrap rewrap;
    @Autowired NarrativeCipher cipher;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void olderNarrativeMovesUnderANewPrimaryKeyAndStillReads() {
        NoteFixtures fen = new NoteFixtures(accounts, people, "Fen Counselling");
        Staff ash = fen.aHelper("Ash Marlow");
        RelationshipId robin = fen.aRelationship(relationships, clock, "Robin Fairweather", ash);
        SessionId first = fen.aSession(sessions, clock, robin, ash);
        SessionId second = fen.aSession(sessions, clock, robin, ash);
        NoteId note = fen.as(ash, () -> notes.write(first, "free", Map.of("Note", TEXT)));
        fen.as(ash, () -> notes.sign(note, 0));
        fen.run(ash, () -> notes.addAddendum(note, "Added after the call"));
        fen.run(ash, () -> notes.writeProcessNote(first, "I felt the pull to rescue"));
        fen.as(ash, () -> notes.write(second, "free", Map.of("Note", "A second session")));
        byte[] backup = body(fen, note);

        signInAsOperator();
        byte[] before = cipher.primaryPrefix();
        console.addPrimaryKey();
        RewrapProgress asked = console.encryption();
        assertThat(cipher.primaryPrefix()).as("a new primary key").isNotEqualTo(before);
        assertThat(asked.keys()).isGreaterThanOrEqualTo(2);
        assertThat(asked.running()).isTrue();
        assertThat(asked.older()).as("this organisation's four values at least").isGreaterThanOrEqualTo(4);

        // Resumable, one value at a time: each run carries on with what is still under an older key.
        // (This organisation's rows alone: the suite's database holds many organisations'.)
        EncryptedColumns fens = new EncryptedColumns(jdbc, transactions, NotesNarrative.COLUMNS);
        assertThat(fens.count(List.of(fen.id()), cipher.primaryPrefix()).older()).isEqualTo(4);
        assertThat(fens.rewrap(List.of(fen.id()), cipher, cipher.primaryPrefix(), 1)).isEqualTo(1);
        assertThat(fens.count(List.of(fen.id()), cipher.primaryPrefix()).older()).isEqualTo(3);
        assertThat(fens.rewrap(List.of(fen.id()), cipher, cipher.primaryPrefix(), 100)).isEqualTo(3);
        assertThat(fens.count(List.of(fen.id()), cipher.primaryPrefix()).older()).isZero();
        assertThat(fens.rewrap(List.of(fen.id()), cipher, cipher.primaryPrefix(), 100)).as("nothing left").isZero();
        assertThat(Arrays.copyOf(body(fen, note), cipher.primaryPrefix().length)).isEqualTo(cipher.primaryPrefix());

        // The scheduled batch rewraps across every store and counts what it did.
        int batch = rewrap.rewrapSome();
        assertThat(console.encryption().rowsDone()).isEqualTo(batch);

        NoteView read = fen.as(ash, () -> notes.note(note));
        assertThat(read.sections().get(0).text()).isEqualTo(TEXT);
        assertThat(read.addenda().get(0).text()).isEqualTo("Added after the call");
        assertThat(fen.as(ash, () -> notes.processNoteOf(first))).contains("I felt the pull to rescue");
        assertThat(cipher.decrypt(backup, fen.id(), note.value(), Notes.NOTE_BODY)).as("a backup from before")
                .contains(TEXT);
        assertThat(operators.auditTrail(5)).extracting(e -> e.detail())
                .contains("Added a new primary key for the narrative and started re-encryption");
    }

    private byte[] body(NoteFixtures organisation, NoteId note) {
        return organisation.inScope(() -> jdbc.sql("select body from note where note_id = ?").param(note.value())
                .query(byte[].class).single());
    }

    private void signInAsOperator() {
        String operator = "ola.reyes-" + UUID.randomUUID().toString().substring(0, 8) + "@hosting.example";
        operators.create(operator, "Ola Reyes", "orchid basalt meridian quill");
        UserDetails details = accounts.loadUserByUsername(operator);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }
}

package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.protection.NarrativeCipher;
import org.rapport.accounts.AccountManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.TimelineEntry;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Notes on the embedded PostgreSQL: who may read and write them, what is audited, and that the
 * database itself never holds their text in clear.
 */
@SpringBootTest
class NoteManagementIntegrationTests {

    static final String DATA = "Robin spoke about the night shifts at the bakery on Quay Street.";
    static final String PLAN = "Try the wind-down routine; meet again in a fortnight.";
    static final String PROCESS = "I noticed I rushed to reassure; sit with the silence next time.";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired NoteManagement notes;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    NoteFixtures harbour;
    Staff ash;
    Staff bea;
    Staff sam;
    Staff ada;
    Staff cal;
    RelationshipId robin;
    SessionId session;

    @BeforeEach
    void aRelationshipWithASession() {
        harbour = new NoteFixtures(accounts, people, "Harbour Counselling");
        ash = harbour.aHelper("Ash Marlow");
        bea = harbour.aHelper("Bea Lindqvist");
        sam = harbour.aSupervisorOf("Sam Okafor", ash);
        ada = harbour.anAdmin("Ada Pemberton");
        cal = harbour.aHelper("Cal Ferreira");
        robin = harbour.aRelationship(relationships, clock, "Robin Fairweather", ash, bea);
        session = harbour.aSession(sessions, clock, robin, ash);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static Map<String, String> dap(String data, String assessment, String plan) {
        return Map.of("Data", data, "Assessment", assessment, "Plan", plan);
    }

    NoteId ashWritesTheNote() {
        return harbour.as(ash, () -> notes.write(session, "dap", dap(DATA, "", PLAN)));
    }

    @Test
    void readsBackWhatTheAuthorWrote() {
        NoteId id = ashWritesTheNote();
        NoteView note = harbour.as(bea, () -> notes.noteOf(session)).orElseThrow();
        assertThat(note.id()).isEqualTo(id);
        assertThat(note.session()).isEqualTo(session);
        assertThat(note.templateKey()).isEqualTo("dap");
        assertThat(note.sections()).extracting(NoteView.Section::heading).containsExactly("Data", "Assessment", "Plan");
        assertThat(note.sections()).extracting(NoteView.Section::text).containsExactly(DATA, "", PLAN);
        assertThat(note.authorName()).isEqualTo("Ash Marlow");
        assertThat(note.signed()).isFalse();
        assertThat(note.version()).isZero();
    }

    @Test
    void storesNoNoteTextInClear() {
        NoteId id = ashWritesTheNote();
        harbour.run(ash, () -> {
            notes.sign(id, 0);
            notes.addAddendum(id, PLAN + " Addendum: bakery hours changed.");
            notes.writeProcessNote(session, PROCESS);
        });
        String dump = harbour.inScope(() -> String.join("\n", jdbc.sql("""
                select n::text from note n where note_id = ?
                union all select a::text from note_addendum a where note_id = ?
                union all select p::text from process_note p where session_id = ?""")
                .params(id.value(), id.value(), session.value()).query(String.class).list()));
        assertThat(dump).contains(id.value().toString()).contains("Ash Marlow");
        for (String text : List.of(DATA, PLAN, PROCESS, "bakery", "Quay Street", "silence")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(dump).doesNotContainIgnoringCase(text)
                    .doesNotContain(Base64.getEncoder().encodeToString(bytes))
                    .doesNotContain(HexFormat.of().formatHex(bytes));
        }
        byte[] body = harbour.inScope(() -> jdbc.sql("select body from note where note_id = ?").param(id.value())
                .query(byte[].class).single());
        assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("bakery", "Data");
    }

    @Test
    void aCiphertextCopiedOntoAnotherNoteDoesNotDecrypt() {
        NoteId first = ashWritesTheNote();
        SessionId other = harbour.aSession(sessions, clock, robin, ash);
        NoteId second = harbour.as(ash, () -> notes.write(other, "free", Map.of("Note", "Something else entirely.")));
        harbour.inScope(() -> jdbc.sql("update note set body = (select body from note where note_id = ?) where note_id = ?")
                .params(first.value(), second.value()).update());
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.noteOf(other))).isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
        assertThat(harbour.as(ash, () -> notes.noteOf(session)).orElseThrow().sections().get(0).text()).isEqualTo(DATA);
    }

    @Test
    void aSupervisorReadsTheNoteButCannotWrite() {
        NoteId id = ashWritesTheNote();
        assertThat(harbour.as(sam, () -> notes.noteOf(session))).isPresent();
        SessionId other = harbour.aSession(sessions, clock, robin, ash);
        assertThatThrownBy(() -> harbour.as(sam, () -> notes.write(other, "dap", dap("x", "", ""))))
                .isInstanceOf(AccessDeniedException.class);
        harbour.run(ash, () -> notes.sign(id, 0));
        assertThatThrownBy(() -> harbour.run(sam, () -> notes.addAddendum(id, "A supervisor's remark.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> harbour.run(sam, () -> notes.writeProcessNote(session, "Mine.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(harbour.as(ash, () -> notes.noteOf(session)).orElseThrow().addenda()).isEmpty();
    }

    @Test
    void anAdminReadsTheNoteButNeverTheProcessNote() {
        ashWritesTheNote();
        harbour.run(ash, () -> notes.writeProcessNote(session, PROCESS));
        assertThat(harbour.as(ada, () -> notes.noteOf(session))).isPresent();
        assertThat(harbour.as(ada, () -> notes.processNoteOf(session))).isEmpty();
        assertThatThrownBy(() -> harbour.run(ada, () -> notes.writeProcessNote(session, "Reading over shoulders.")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(harbour.as(sam, () -> notes.processNoteOf(session))).isEmpty();
        assertThat(harbour.as(ash, () -> notes.processNoteOf(session))).contains(PROCESS);
    }

    @Test
    void anotherHelperOfTheRelationshipCannotReadMyProcessNote() {
        harbour.run(ash, () -> notes.writeProcessNote(session, PROCESS));
        assertThat(harbour.as(bea, () -> notes.processNoteOf(session))).isEmpty();
        harbour.run(bea, () -> notes.writeProcessNote(session, "Bea's own thoughts."));
        harbour.run(ash, () -> notes.writeProcessNote(session, PROCESS + " And more."));
        assertThat(harbour.as(ash, () -> notes.processNoteOf(session))).contains(PROCESS + " And more.");
        assertThat(harbour.as(bea, () -> notes.processNoteOf(session))).contains("Bea's own thoughts.");
        assertThat(harbour.inScope(() -> jdbc.sql("select count(*) from process_note where session_id = ?")
                .param(session.value()).query(Long.class).single())).isEqualTo(2);
    }

    @Test
    void refusesAnEmptyOrOverlongProcessNote() {
        assertThatThrownBy(() -> harbour.run(ash, () -> notes.writeProcessNote(session, "  "))).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> harbour.run(ash, () -> notes.writeProcessNote(session, "z".repeat(20_001))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("20000");
        assertThat(harbour.as(ash, () -> notes.processNoteOf(session))).isEmpty();
    }

    @Test
    void answersNotFoundForAnotherOrganisationOrSomeoneOutsideTheWork() {
        NoteId id = ashWritesTheNote();
        NoteFixtures elsewhere = new NoteFixtures(accounts, people, "Elsewhere Therapy");
        Staff eli = elsewhere.aHelper("Eli Brandt");
        Staff eliAdmin = elsewhere.anAdmin("Eve Marsh");
        for (var attempt : List.<Runnable>of(() -> notes.noteOf(session), () -> notes.note(id), () -> notes.sign(id, 0),
                () -> notes.addAddendum(id, "x"), () -> notes.revise(id, 0, dap("x", "", "")),
                () -> notes.processNoteOf(session), () -> notes.write(session, "dap", dap("x", "", "")))) {
            assertThatThrownBy(() -> elsewhere.run(eli, attempt)).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> elsewhere.run(eliAdmin, attempt)).isInstanceOf(RecordNotFound.class);
            assertThatThrownBy(() -> harbour.run(cal, attempt)).isInstanceOf(RecordNotFound.class);
        }
        assertThatThrownBy(() -> harbour.run(ash, () -> notes.note(new NoteId(UUID.randomUUID()))))
                .isInstanceOf(RecordNotFound.class).hasMessageContaining("No note");
        assertThat(harbour.as(ash, () -> notes.noteOf(session)).orElseThrow().signed()).isFalse();
    }

    @Test
    void auditsEveryReadAndChangeWithoutItsText() {
        NoteId id = ashWritesTheNote();
        harbour.as(bea, () -> notes.noteOf(session));
        harbour.as(sam, () -> notes.noteOf(session));
        harbour.as(ada, () -> notes.note(id));
        harbour.run(ash, () -> notes.sign(id, 0));
        harbour.run(bea, () -> notes.addAddendum(id, "Bakery hours changed."));
        harbour.run(ash, () -> notes.writeProcessNote(session, PROCESS));
        harbour.as(ash, () -> notes.processNoteOf(session));
        List<String> entries = harbour.inScope(() -> jdbc.sql("""
                select action || ' ' || record_type || ' ' || actor_name || ' ' || detail from audit_entry
                where record_id in (?, ?) order by happened_at, entry_id""")
                .params(id.value(), session.value()).query(String.class).list());
        assertThat(entries).filteredOn(e -> e.startsWith("READ note ")).hasSize(3);
        assertThat(entries).anyMatch(e -> e.startsWith("READ note Sam Okafor"));
        assertThat(entries).anyMatch(e -> e.startsWith("CHANGE note Ash Marlow") && e.contains("signed"));
        assertThat(entries).anyMatch(e -> e.startsWith("CHANGE note Bea Lindqvist") && e.contains("addendum"));
        assertThat(entries).anyMatch(e -> e.startsWith("CHANGE process note Ash Marlow"));
        assertThat(entries).anyMatch(e -> e.startsWith("READ process note Ash Marlow"));
        assertThat(String.join("\n", entries)).doesNotContain("bakery", "Bakery", "silence", "Robin spoke");
    }

    @Test
    void refusesToEditASignedNoteAndKeepsItAsSigned() {
        NoteId id = ashWritesTheNote();
        int signed = harbour.as(ash, () -> notes.sign(id, 0));
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.revise(id, signed, dap("Rewritten.", "", ""))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("signed notes are locked; add an addendum");
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.sign(id, signed)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already signed");
        NoteView note = harbour.as(ash, () -> notes.noteOf(session)).orElseThrow();
        assertThat(note.sections().get(0).text()).isEqualTo(DATA);
        assertThat(note.version()).isEqualTo(signed);
        assertThat(note.signedByName()).isEqualTo("Ash Marlow");
    }

    @Test
    void letsOnlyTheAuthorReviseAndSign() {
        NoteId id = ashWritesTheNote();
        assertThatThrownBy(() -> harbour.as(bea, () -> notes.revise(id, 0, dap("Mine now.", "", ""))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("Only the note's author, Ash Marlow");
        assertThatThrownBy(() -> harbour.as(bea, () -> notes.sign(id, 0))).isInstanceOf(RuleBroken.class);
        int revised = harbour.as(ash, () -> notes.revise(id, 0, dap(DATA, "Settling in.", PLAN)));
        assertThat(revised).isEqualTo(1);
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.sign(id, 0))).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(harbour.as(ash, () -> notes.noteOf(session)).orElseThrow().signed()).isFalse();
    }

    @Test
    void refusesASecondNoteForASession() {
        ashWritesTheNote();
        assertThatThrownBy(() -> harbour.as(bea, () -> notes.write(session, "free", Map.of("Note", "Another."))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already has a note");
        assertThat(harbour.inScope(() -> jdbc.sql("select count(*) from note where session_id = ?").param(session.value())
                .query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void anyHelperOfTheRelationshipAddsAddendaOnceSigned() {
        NoteId id = ashWritesTheNote();
        assertThatThrownBy(() -> harbour.run(bea, () -> notes.addAddendum(id, "Too early.")))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("Addenda are for signed notes");
        harbour.run(ash, () -> notes.sign(id, 0));
        harbour.run(bea, () -> notes.addAddendum(id, "Bakery hours changed."));
        harbour.run(ash, () -> notes.addAddendum(id, "Agreed."));
        NoteView note = harbour.as(sam, () -> notes.noteOf(session)).orElseThrow();
        assertThat(note.addenda()).extracting(NoteView.Addendum::byName).containsExactly("Bea Lindqvist", "Ash Marlow");
        assertThat(note.addenda()).extracting(NoteView.Addendum::text).containsExactly("Bakery hours changed.", "Agreed.");
        assertThat(note.sections().get(0).text()).isEqualTo(DATA);
    }

    @Test
    void putsSignaturesAndAddendaOnTheTimelineWithoutTheirText() {
        NoteId id = ashWritesTheNote();
        harbour.run(ash, () -> notes.sign(id, 0));
        harbour.run(bea, () -> notes.addAddendum(id, "Bakery hours changed."));
        List<TimelineEntry> timeline = harbour.as(ash, () -> relationships.overview(robin)).timeline();
        assertThat(timeline).anyMatch(e -> e.title().equals("Note signed") && e.by().equals("Ash Marlow"));
        assertThat(timeline).anyMatch(e -> e.title().equals("Addendum added") && e.by().equals("Bea Lindqvist"));
        assertThat(timeline.toString()).doesNotContain("Bakery", "bakery");
    }

    @Test
    void addsAnOrganisationsOwnTemplateForAdminsOnly() {
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.addTemplate("group", "Group work", List.of("Theme"))))
                .isInstanceOf(AccessDeniedException.class);
        NoteTemplate added = harbour.as(ada, () -> notes.addTemplate("group-work", "Group work", List.of("Theme", "Process")));
        assertThat(added.builtIn()).isFalse();
        assertThat(harbour.as(ash, () -> notes.templates())).extracting(NoteTemplate::key)
                .containsExactly("dap", "soap", "birp", "free", "group-work");
        assertThatThrownBy(() -> harbour.as(ada, () -> notes.addTemplate("group-work", "Again", List.of("A"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already exists");
        harbour.as(ash, () -> notes.write(session, "group-work", Map.of("Theme", "Belonging", "Process", "")));
        assertThat(harbour.as(ash, () -> notes.noteOf(session)).orElseThrow().templateName()).isEqualTo("Group work");
        NoteFixtures elsewhere = new NoteFixtures(accounts, people, "Elsewhere Therapy");
        Staff eve = elsewhere.aHelper("Eve Marsh");
        assertThat(elsewhere.as(eve, () -> notes.templates())).extracting(NoteTemplate::key).doesNotContain("group-work");
    }

    @Test
    void refusesAnUnknownTemplateOrSectionsThatDoNotMatchAndStoresNothing() {
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.write(session, "nope", Map.of("Note", "x"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("no note template 'nope'");
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.write(session, "dap", Map.of("Data", "x"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> harbour.as(ash, () -> notes.write(session, "dap", dap("x".repeat(20_001), "", ""))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("20000");
        assertThat(harbour.as(ash, () -> notes.noteOf(session))).isEmpty();
    }
}

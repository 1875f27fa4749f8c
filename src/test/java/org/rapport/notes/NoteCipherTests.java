package org.rapport.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.shared.OrganisationId;

/** Note text in and out of Tink's authenticated encryption, bound to where it belongs. */
class NoteCipherTests {

    static final OrganisationId ORG = new OrganisationId(UUID.randomUUID());
    static final UUID NOTE = UUID.randomUUID();
    final NoteCipher cipher = NoteCipher.fromJson(NoteCipher.newKeysetJson());

    @Test
    void decryptsWhatItEncrypted() {
        String text = "Spoke about the move to Leeds — and the sleep diary. ✓";
        byte[] sealed = cipher.encrypt(text, ORG, NOTE, Notes.NOTE_BODY);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Leeds");
        assertThat(cipher.decrypt(sealed, ORG, NOTE, Notes.NOTE_BODY)).isEqualTo(text);
    }

    @Test
    void encryptsTheSameTextDifferentlyEachTime() {
        assertThat(cipher.encrypt("same", ORG, NOTE, Notes.NOTE_BODY)).isNotEqualTo(cipher.encrypt("same", ORG, NOTE, Notes.NOTE_BODY));
    }

    @Test
    void refusesToDecryptForAnotherOrganisationRecordOrField() {
        byte[] sealed = cipher.encrypt("Private words", ORG, NOTE, Notes.NOTE_BODY);
        assertThatThrownBy(() -> cipher.decrypt(sealed, new OrganisationId(UUID.randomUUID()), NOTE, Notes.NOTE_BODY))
                .isInstanceOf(NoteCipher.NoteUnreadable.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, ORG, UUID.randomUUID(), Notes.NOTE_BODY))
                .isInstanceOf(NoteCipher.NoteUnreadable.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, ORG, NOTE, Notes.addendumField(0)))
                .isInstanceOf(NoteCipher.NoteUnreadable.class);
    }

    @Test
    void refusesToDecryptWithAnotherKey() {
        byte[] sealed = cipher.encrypt("Private words", ORG, NOTE, Notes.NOTE_BODY);
        NoteCipher other = NoteCipher.fromJson(NoteCipher.newKeysetJson());
        assertThatThrownBy(() -> other.decrypt(sealed, ORG, NOTE, Notes.NOTE_BODY)).isInstanceOf(NoteCipher.NoteUnreadable.class);
    }

    @Test
    void refusesAKeysetItCannotReadWithoutQuotingIt() {
        assertThatThrownBy(() -> NoteCipher.fromJson("{\"secret\": \"do-not-echo\"}"))
                .hasMessageContaining("rapport.notes.keyset").hasMessageNotContaining("do-not-echo");
    }

    @Test
    void keepsAGeneratedKeysetApartFromTheEmbeddedDataSoNotesSurviveARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        Path key = dir.resolve("keys").resolve(NoteKeys.KEYSET_FILE);
        String first = NoteKeys.keptApart(key, data);
        assertThat(key).exists();
        assertThat(dir.resolve("data").resolve(NoteKeys.KEYSET_FILE)).as("no key in the data folder").doesNotExist();
        String again = NoteKeys.keptApart(key, data);
        assertThat(again).isEqualTo(first);
        byte[] sealed = NoteCipher.fromJson(first).encrypt("kept", ORG, NOTE, Notes.NOTE_BODY);
        assertThat(NoteCipher.fromJson(again).decrypt(sealed, ORG, NOTE, Notes.NOTE_BODY)).isEqualTo("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .as("only its owner reads the key").isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void movesAKeysetAnEarlierVersionKeptInTheDataFolderOutOfIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        Files.createDirectories(data);
        String earlier = NoteCipher.newKeysetJson();
        Files.writeString(dir.resolve("data").resolve(NoteKeys.KEYSET_FILE), earlier);
        Path key = dir.resolve("keys").resolve(NoteKeys.KEYSET_FILE);

        assertThat(NoteKeys.keptApart(key, data)).isEqualTo(earlier);
        assertThat(Files.readString(key)).isEqualTo(earlier);
        assertThat(dir.resolve("data").resolve(NoteKeys.KEYSET_FILE)).doesNotExist();
    }

    @Test
    void refusesToStartOnAnExternalDatabaseWithoutAKey() {
        NoteKeys keys = new NoteKeys();
        assertThatThrownBy(() -> keys.noteCipher("", new org.rapport.platform.DatabaseMode(false), "", "", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RAPPORT_NOTES_KEYSET");
        assertThat(keys.noteCipher("", new org.rapport.platform.DatabaseMode(false), "", "", true)).isNotNull();
        assertThat(keys.noteCipher(NoteCipher.newKeysetJson(), new org.rapport.platform.DatabaseMode(false), "", "", false)).isNotNull();
    }
}

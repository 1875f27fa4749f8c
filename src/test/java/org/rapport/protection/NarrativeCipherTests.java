package org.rapport.protection;

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

/** Narrative text in and out of Tink's authenticated encryption, bound to where it belongs. */
class NarrativeCipherTests {

    static final OrganisationId ORG = new OrganisationId(UUID.randomUUID());
    static final UUID NOTE = UUID.randomUUID();
    static final String FIELD = "note.body";
    final NarrativeCipher cipher = NarrativeCipher.fromJson(NarrativeCipher.newKeysetJson());

    @Test
    void decryptsWhatItEncrypted() {
        String text = "Spoke about the move to Leeds — and the sleep diary. ✓";
        byte[] sealed = cipher.encrypt(text, ORG, NOTE, FIELD);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Leeds");
        assertThat(cipher.decrypt(sealed, ORG, NOTE, FIELD)).isEqualTo(text);
    }

    @Test
    void encryptsTheSameTextDifferentlyEachTime() {
        assertThat(cipher.encrypt("same", ORG, NOTE, FIELD)).isNotEqualTo(cipher.encrypt("same", ORG, NOTE, FIELD));
    }

    @Test
    void refusesToDecryptForAnotherOrganisationRecordOrField() {
        byte[] sealed = cipher.encrypt("Private words", ORG, NOTE, FIELD);
        assertThatThrownBy(() -> cipher.decrypt(sealed, new OrganisationId(UUID.randomUUID()), NOTE, FIELD))
                .isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, ORG, UUID.randomUUID(), FIELD))
                .isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, ORG, NOTE, "addendum.0.body"))
                .isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
    }

    @Test
    void refusesToDecryptWithAnotherKey() {
        byte[] sealed = cipher.encrypt("Private words", ORG, NOTE, FIELD);
        NarrativeCipher other = NarrativeCipher.fromJson(NarrativeCipher.newKeysetJson());
        assertThatThrownBy(() -> other.decrypt(sealed, ORG, NOTE, FIELD)).isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
    }

    @Test
    void keepsSeveralTextsOfOneRecordInOneCiphertext() {
        java.util.Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("gains", "Sleeps through — most nights");
        texts.put("crisis", null);
        byte[] sealed = cipher.encryptFields(texts, ORG, NOTE, "ending.narrative");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sleeps");
        assertThat(cipher.decryptFields(sealed, ORG, NOTE, "ending.narrative"))
                .containsExactly(java.util.Map.entry("gains", "Sleeps through — most nights"));
        assertThatThrownBy(() -> cipher.decryptFields(sealed, ORG, NOTE, "goal.narrative"))
                .isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
    }

    @Test
    void refusesAKeysetItCannotReadWithoutQuotingIt() {
        assertThatThrownBy(() -> NarrativeCipher.fromJson("{\"secret\": \"do-not-echo\"}"))
                .hasMessageContaining("rapport.notes.keyset").hasMessageNotContaining("do-not-echo");
    }

    @Test
    void keepsAGeneratedKeysetApartFromTheEmbeddedDataSoNotesSurviveARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        Path key = dir.resolve("keys").resolve(NarrativeKeys.KEYSET_FILE);
        String first = NarrativeKeys.keptApart(key, data);
        assertThat(key).exists();
        assertThat(dir.resolve("data").resolve(NarrativeKeys.KEYSET_FILE)).as("no key in the data folder").doesNotExist();
        String again = NarrativeKeys.keptApart(key, data);
        assertThat(again).isEqualTo(first);
        byte[] sealed = NarrativeCipher.fromJson(first).encrypt("kept", ORG, NOTE, FIELD);
        assertThat(NarrativeCipher.fromJson(again).decrypt(sealed, ORG, NOTE, FIELD)).isEqualTo("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .as("only its owner reads the key").isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void movesAKeysetAnEarlierVersionKeptInTheDataFolderOutOfIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data").resolve("postgres");
        Files.createDirectories(data);
        String earlier = NarrativeCipher.newKeysetJson();
        Files.writeString(dir.resolve("data").resolve(NarrativeKeys.KEYSET_FILE), earlier);
        Path key = dir.resolve("keys").resolve(NarrativeKeys.KEYSET_FILE);

        assertThat(NarrativeKeys.keptApart(key, data)).isEqualTo(earlier);
        assertThat(Files.readString(key)).isEqualTo(earlier);
        assertThat(dir.resolve("data").resolve(NarrativeKeys.KEYSET_FILE)).doesNotExist();
    }

    @Test
    void refusesToStartOnAnExternalDatabaseWithoutAKey() {
        NarrativeKeys keys = new NarrativeKeys();
        assertThatThrownBy(() -> keys.narrativeCipher("", new org.rapport.platform.DatabaseMode(false), "", "", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RAPPORT_NOTES_KEYSET");
        assertThat(keys.narrativeCipher("", new org.rapport.platform.DatabaseMode(false), "", "", true)).isNotNull();
        assertThat(keys.narrativeCipher(NarrativeCipher.newKeysetJson(), new org.rapport.platform.DatabaseMode(false), "", "", false)).isNotNull();
    }
}

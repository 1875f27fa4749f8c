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

    @Test
    void aNewPrimaryKeyEncryptsWhatIsWrittenNextAndTheOlderKeysStillDecrypt() {
        NarrativeCipher cipher = NarrativeCipher.fromJson(NarrativeCipher.newKeysetJson());
        OrganisationId organisation = new OrganisationId(UUID.randomUUID());
        UUID record = UUID.randomUUID();
        byte[] older = cipher.encrypt("Before the new key", organisation, record, "note.body");
        byte[] olderPrefix = cipher.primaryPrefix();
        assertThat(olderPrefix).hasSize(5);

        String rotated = cipher.withNewPrimaryKey();
        assertThat(cipher.primaryPrefix()).as("nothing changes until the new keyset is used").isEqualTo(olderPrefix);
        cipher.use(rotated);

        assertThat(cipher.keyIds()).hasSize(2);
        assertThat(cipher.primaryPrefix()).isNotEqualTo(olderPrefix);
        byte[] newer = cipher.encrypt("After the new key", organisation, record, "note.body");
        assertThat(java.util.Arrays.copyOf(newer, 5)).isEqualTo(cipher.primaryPrefix());
        assertThat(cipher.decrypt(older, organisation, record, "note.body")).isEqualTo("Before the new key");
        byte[] rewrapped = cipher.rewrap(older, organisation, record, "note.body");
        assertThat(java.util.Arrays.copyOf(rewrapped, 5)).isEqualTo(cipher.primaryPrefix());
        assertThat(cipher.decrypt(rewrapped, organisation, record, "note.body")).isEqualTo("Before the new key");
        assertThatThrownBy(() -> cipher.rewrap(older, organisation, UUID.randomUUID(), "note.body"))
                .as("still bound to its record").isInstanceOf(NarrativeCipher.NarrativeUnreadable.class);
    }

    @Test
    void aKeysetThatLeavesOutAKeyInUseIsNotUsed() {
        NarrativeCipher cipher = NarrativeCipher.fromJson(NarrativeCipher.newKeysetJson());
        byte[] prefix = cipher.primaryPrefix();
        assertThatThrownBy(() -> cipher.use(NarrativeCipher.newKeysetJson())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leaves out a key");
        assertThat(cipher.primaryPrefix()).isEqualTo(prefix);
    }

    @Test
    void aChangedKeysetIsKeptWholeInItsFileForItsOwnerOnly(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("keys").resolve("notes-keyset.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, NarrativeCipher.newKeysetJson());
        NarrativeKeys.KeysetPlace place = new NarrativeKeys.KeysetPlace(true, file, Files.readString(file));
        NarrativeCipher cipher = NarrativeCipher.fromJson(place.initialJson());
        String rotated = cipher.withNewPrimaryKey();

        place.keep(rotated);

        assertThat(Files.readString(file)).isEqualTo(rotated);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(NarrativeCipher.fromJson(Files.readString(file)).keyIds()).hasSize(2);
        assertThatThrownBy(() -> new NarrativeKeys.KeysetPlace(false, null, rotated).keep(rotated))
                .as("a keyset given by configuration is not Rapport's to change").isInstanceOf(IllegalStateException.class);
    }
}

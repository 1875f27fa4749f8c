package org.rapport.notes;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.rapport.shared.OrganisationId;

/**
 * Encrypts and decrypts note text with Tink's authenticated encryption (AES-256-GCM). Each
 * ciphertext is bound, as associated data, to its organisation, its record and the field it fills,
 * so a ciphertext copied onto another row or into another field does not decrypt. The key never
 * leaves this class and nothing here logs text.
 */
final class NoteCipher {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;

    private NoteCipher(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The notes keyset holds no AEAD key Rapport can use.", e);
        }
    }

    /** A cipher with the keyset given as Tink's JSON keyset format (cleartext). */
    static NoteCipher fromJson(String keysetJson) {
        try {
            return new NoteCipher(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause is left out: it might quote the keyset.
            throw new IllegalStateException("The notes keyset (rapport.notes.keyset) is not a Tink JSON keyset Rapport can read.");
        }
    }

    /** A new AES-256-GCM keyset in Tink's JSON keyset format (cleartext: keep it secret). */
    static String newKeysetJson() {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate a notes keyset.", e);
        }
    }

    byte[] encrypt(String text, OrganisationId organisation, UUID record, String field) {
        try {
            return aead.encrypt(text.getBytes(StandardCharsets.UTF_8), associatedData(organisation, record, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a note.");
        }
    }

    String decrypt(byte[] ciphertext, OrganisationId organisation, UUID record, String field) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(organisation, record, field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new NoteUnreadable();
        }
    }

    private static byte[] associatedData(OrganisationId organisation, UUID record, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("rapport-note-v1|".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(organisation.value().toString().getBytes(StandardCharsets.US_ASCII));
        out.write('|');
        out.writeBytes(record.toString().getBytes(StandardCharsets.US_ASCII));
        out.write('|');
        out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A stored note that does not decrypt with this key for this place: a wrong key, or text moved from elsewhere. */
    static final class NoteUnreadable extends IllegalStateException {
        NoteUnreadable() {
            super("A stored note could not be decrypted: the notes key is not the one it was written with, "
                    + "or the text was moved from another record.");
        }
    }
}

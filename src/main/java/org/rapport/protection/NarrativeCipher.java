package org.rapport.protection;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AeadKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts and decrypts what people wrote about a client (notes, referral reasons, goals, agreements,
 * endings, alerts' follow-through, handover notes) with Tink's authenticated encryption
 * (AES-256-GCM). Each ciphertext is bound, as associated data, to its organisation, its record and
 * the field it fills, so a ciphertext copied onto another row or into another field does not
 * decrypt. The key never leaves this class and nothing here logs text.
 */
public final class NarrativeCipher {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The keyset and its primitive, replaced together when a new primary key is made. */
    private record Keys(KeysetHandle handle, Aead aead) {
    }

    private final AtomicReference<Keys> keys = new AtomicReference<>();

    private NarrativeCipher(KeysetHandle keyset) {
        keys.set(keysOf(keyset));
    }

    private static Keys keysOf(KeysetHandle keyset) {
        try {
            return new Keys(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The notes keyset holds no AEAD key Rapport can use.", e);
        }
    }

    /** A cipher with the keyset given as Tink's JSON keyset format (cleartext). */
    static NarrativeCipher fromJson(String keysetJson) {
        try {
            return new NarrativeCipher(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
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

    /** The text, encrypted and bound to the organisation, the record and the field it belongs to. */
    public byte[] encrypt(String text, OrganisationId organisation, UUID record, String field) {
        try {
            return keys.get().aead().encrypt(text.getBytes(StandardCharsets.UTF_8), associatedData(organisation, record, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a text.");
        }
    }

    /** The text of a ciphertext made by {@link #encrypt} for the same organisation, record and field. */
    public String decrypt(byte[] ciphertext, OrganisationId organisation, UUID record, String field) {
        try {
            return new String(keys.get().aead().decrypt(ciphertext, associatedData(organisation, record, field)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new NarrativeUnreadable();
        }
    }

    /**
     * Several texts of one record, as one ciphertext (a JSON object of field name to text, encrypted
     * as a whole and bound like {@link #encrypt}). Empty texts ({@code null}) are left out.
     */
    public byte[] encryptFields(Map<String, ? extends @Nullable String> texts, OrganisationId organisation, UUID record,
            String field) {
        Map<String, String> present = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            if (text != null) present.put(name, text);
        });
        return encrypt(JSON.writeValueAsString(present), organisation, record, field);
    }

    /** The texts of a ciphertext made by {@link #encryptFields}; a text left out is absent from the map. */
    public Map<String, String> decryptFields(byte[] ciphertext, OrganisationId organisation, UUID record, String field) {
        return JSON.readValue(decrypt(ciphertext, organisation, record, field), FIELDS);
    }

    /**
     * The same text encrypted again under the primary key, for the same organisation, record and
     * field: what re-encryption after a key rotation writes in place of an older ciphertext.
     * Ciphertexts made by {@link #encrypt} and {@link #encryptFields} are rewrapped alike.
     */
    public byte[] rewrap(byte[] ciphertext, OrganisationId organisation, UUID record, String field) {
        byte[] associated = associatedData(organisation, record, field);
        Aead aead = keys.get().aead();
        try {
            return aead.encrypt(aead.decrypt(ciphertext, associated), associated);
        } catch (GeneralSecurityException e) {
            throw new NarrativeUnreadable();
        }
    }

    /**
     * The bytes every ciphertext under the primary key starts with (Tink's key prefix: a version
     * byte and the key's id), so a store can find its rows written under an older key. Empty when the
     * primary key writes no prefix, and older rows cannot be told apart.
     */
    public byte[] primaryPrefix() {
        return ((AeadKey) keys.get().handle().getPrimary().getKey()).getOutputPrefix().toByteArray();
    }

    /** The ids of the keys this keyset holds, the primary first. */
    public List<Integer> keyIds() {
        KeysetHandle handle = keys.get().handle();
        List<Integer> ids = new ArrayList<>();
        ids.add(handle.getPrimary().getId());
        for (int i = 0; i < handle.size(); i++) {
            if (!handle.getAt(i).isPrimary()) ids.add(handle.getAt(i).getId());
        }
        return ids;
    }

    /**
     * This keyset with a new AES-256-GCM key added as the primary, in Tink's JSON format (cleartext:
     * keep it secret). Nothing changes here until it is kept and then {@link #use used}, so a keyset
     * that could not be kept never encrypts anything.
     */
    String withNewPrimaryKey() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys.get().handle());
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
                    .makePrimary());
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not add a key to the notes keyset.");
        }
    }

    /**
     * Encrypts with this keyset from now on. It must hold every key this one holds, so nothing
     * already written becomes unreadable.
     */
    synchronized void use(String keysetJson) {
        NarrativeCipher next = fromJson(keysetJson);
        if (!next.keyIds().containsAll(keyIds())) {
            throw new IllegalStateException("The new notes keyset leaves out a key in use; it is not used.");
        }
        keys.set(next.keys.get());
    }

    // The prefix names notes because notes came first; changing it would leave every stored note unreadable.
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

    /** A stored text that does not decrypt with this key for this place: a wrong key, or text moved from elsewhere. */
    public static final class NarrativeUnreadable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NarrativeUnreadable() {
            super("A stored text could not be decrypted: the notes key is not the one it was written with, "
                    + "or the text was moved from another record.");
        }
    }
}

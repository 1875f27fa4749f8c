package org.rapport.protection;

import java.util.List;
import java.util.function.Supplier;
import org.rapport.shared.OrganisationId;

/**
 * A module's encrypted narrative, as re-encryption after a new primary key sees it: each module
 * that keeps narrative finds its own rows written under an older key and rewraps them, with each
 * organisation in scope in turn. Rows are told apart by the bytes a ciphertext starts with.
 */
public interface NarrativeStore {

    /** What the rows hold, as an operator reads it: "session notes, addenda and process notes". */
    String what();

    /** How many of the store's ciphertexts do not start with the primary key's prefix, and how many there are. */
    Count count(byte[] primaryPrefix);

    /**
     * Rewraps up to {@code max} ciphertexts that do not start with the primary key's prefix, each in
     * place only if it is unchanged since it was read; returns how many it rewrapped.
     */
    int rewrap(NarrativeCipher cipher, byte[] primaryPrefix, int max);

    /** A store of these columns, in each of the organisations the supplier names when asked. */
    static NarrativeStore of(String what, Supplier<List<OrganisationId>> organisations, EncryptedColumns columns) {
        return new NarrativeStore() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public Count count(byte[] primaryPrefix) {
                return columns.count(organisations.get(), primaryPrefix);
            }

            @Override
            public int rewrap(NarrativeCipher cipher, byte[] primaryPrefix, int max) {
                return columns.rewrap(organisations.get(), cipher, primaryPrefix, max);
            }
        };
    }

    /** Rows under an older key, and all rows. */
    record Count(long older, long all) {
    }
}

package org.rapport.protection;

import java.util.List;
import java.util.function.Supplier;
import org.rapport.shared.OrganisationId;

/**
 * A module's encrypted narrative, as re-encryption after a new primary key and the start-up
 * conversion see it: each module that keeps narrative finds its own rows, written under an older
 * key or in the clear by an earlier version, in the organisations it is given, each in scope in
 * turn. Rows under an older key are told apart by the bytes a ciphertext starts with.
 */
public interface NarrativeStore {

    /** What the rows hold, as an operator reads it: "session notes, addenda and process notes". */
    String what();

    /** Every organisation that may hold the store's rows. */
    List<OrganisationId> organisations();

    /** How many of the store's ciphertexts in these organisations do not start with the primary key's prefix, and how many there are. */
    Count count(List<OrganisationId> in, byte[] primaryPrefix);

    /**
     * Rewraps up to {@code max} ciphertexts in these organisations that do not start with the
     * primary key's prefix, each in place only if it is unchanged since it was read; returns how
     * many it rewrapped.
     */
    int rewrap(List<OrganisationId> in, NarrativeCipher cipher, byte[] primaryPrefix, int max);

    /** Seals up to {@code max} rows an earlier version kept in the clear, in these organisations; returns how many. */
    int sealClear(List<OrganisationId> in, NarrativeCipher cipher, int max);

    /** Seals rows an earlier version kept in the clear, in these organisations, up to a number; returns how many. */
    interface ClearRows {
        int seal(List<OrganisationId> organisations, NarrativeCipher cipher, int max);
    }

    /** A store of these columns, in each of the organisations the supplier names when asked. */
    static NarrativeStore of(String what, Supplier<List<OrganisationId>> organisations, EncryptedColumns columns) {
        return of(what, organisations, columns, columns::sealClear);
    }

    /**
     * A store of these columns whose clear rows are sealed another way, as aggregates that seal
     * their texts as they are saved are (see {@link EncryptedColumns#resaveClear}).
     */
    static NarrativeStore of(String what, Supplier<List<OrganisationId>> organisations, EncryptedColumns columns,
            ClearRows clearRows) {
        return new NarrativeStore() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public List<OrganisationId> organisations() {
                return organisations.get();
            }

            @Override
            public Count count(List<OrganisationId> in, byte[] primaryPrefix) {
                return columns.count(in, primaryPrefix);
            }

            @Override
            public int rewrap(List<OrganisationId> in, NarrativeCipher cipher, byte[] primaryPrefix, int max) {
                return columns.rewrap(in, cipher, primaryPrefix, max);
            }

            @Override
            public int sealClear(List<OrganisationId> in, NarrativeCipher cipher, int max) {
                return clearRows.seal(in, cipher, max);
            }
        };
    }

    /** Rows under an older key, and all rows. */
    record Count(long older, long all) {
    }
}

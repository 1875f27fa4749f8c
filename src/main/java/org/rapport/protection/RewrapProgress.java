package org.rapport.protection;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the narrative key stands: the primary key and how many keys the keyset holds, whether Rapport
 * keeps the keyset itself (and so can add a key), and how far re-encryption under the primary key
 * has come in each store.
 */
public record RewrapProgress(long primaryKeyId, int keys, boolean keptByRapport, @Nullable Instant requestedAt,
        @Nullable String requestedBy, @Nullable Instant finishedAt, long rowsDone, List<Store> stores) {

    /** Rows still under an older key, in every store. */
    @JsonProperty
    public long older() {
        return stores.stream().mapToLong(Store::older).sum();
    }

    /** All encrypted rows, in every store. */
    @JsonProperty
    public long all() {
        return stores.stream().mapToLong(Store::all).sum();
    }

    /** Whether re-encryption was asked for and is not finished. */
    @JsonProperty
    public boolean running() {
        return requestedAt != null && finishedAt == null;
    }

    public record Store(String what, long older, long all) {
    }
}

package org.rapport.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.rapport.shared.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Key rotation for the narrative: a new primary key, then older text re-encrypted under it. Adding
 * the key is Rapport's own work only where it keeps the keyset itself (the embedded default's key
 * file); a keyset given in {@code RAPPORT_NOTES_KEYSET} is rotated with Tinkey and given to every
 * server first. Re-encryption is asked for once and then runs in small batches every
 * {@code rapport.notes.rewrap-interval}, on one server at a time, until a batch finds nothing left
 * under an older key. It is resumable: a batch rewraps only rows still under an older key, so a restart or a
 * second server simply carries on. The older keys stay in the keyset, so backups made before the
 * rotation stay readable. The caller checks who may ask (the operator).
 */
@Service
public class NarrativeRewrap {

    private static final Logger log = LoggerFactory.getLogger(NarrativeRewrap.class);
    static final String LOCK = "narrative-rewrap";
    static final String CLEAR_LOCK = "narrative-clear-conversion";

    private final NarrativeCipher cipher;
    private final NarrativeKeys.KeysetPlace place;
    private final ObjectProvider<NarrativeStore> stores;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int batch;
    /** Whether this server found no text left in the clear since it started. */
    private volatile boolean clearConverted;

    NarrativeRewrap(NarrativeCipher cipher, NarrativeKeys.KeysetPlace place, ObjectProvider<NarrativeStore> stores,
            JdbcClient jdbc, Clock clock, @Value("${rapport.notes.rewrap-batch:200}") int batch) {
        this.cipher = cipher;
        this.place = place;
        this.stores = stores;
        this.jdbc = jdbc;
        this.clock = clock;
        this.batch = batch;
    }

    /** Where the key and re-encryption stand. */
    public RewrapProgress progress() {
        long primary = Integer.toUnsignedLong(cipher.keyIds().get(0));
        byte[] prefix = cipher.primaryPrefix();
        List<RewrapProgress.Store> counts = stores.orderedStream().map(store -> {
            NarrativeStore.Count count = store.count(store.organisations(), prefix);
            return new RewrapProgress.Store(store.what(), count.older(), count.all());
        }).toList();
        Optional<RewrapProgress> asked = jdbc.sql("""
                select requested_at, requested_by, finished_at, rows_done from narrative_rewrap where primary_key_id = ?""")
                .param(primary)
                .query((rs, n) -> new RewrapProgress(primary, cipher.keyIds().size(), place.keptByRapport(),
                        rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getLong(4), counts))
                .optional();
        return asked.orElseGet(() -> new RewrapProgress(primary, cipher.keyIds().size(), place.keptByRapport(), null, null,
                null, 0, counts));
    }

    /**
     * Adds a new primary key to the keyset Rapport keeps, and asks for older text to be re-encrypted
     * under it.
     *
     * @throws RuleBroken when the keyset is given by configuration, so Rapport cannot change it
     */
    public synchronized void addPrimaryKey(String by) {
        if (!place.keptByRapport()) {
            throw new RuleBroken("The key comes from RAPPORT_NOTES_KEYSET, which Rapport cannot change: add a key "
                    + "with Tinkey (tinkey add-key, then tinkey promote-key), give the new keyset to every server, "
                    + "then start re-encryption here.");
        }
        String rotated = cipher.withNewPrimaryKey();
        place.keep(rotated);
        cipher.use(rotated);
        log.info("A new primary key was added to the narrative keyset (key {}); older text is re-encrypted under it "
                + "in the background.", Integer.toUnsignedString(cipher.keyIds().get(0)));
        reencrypt(by);
    }

    /**
     * Asks for every text under an older key to be re-encrypted under the primary key. Asking again
     * while it runs changes nothing.
     *
     * @throws RuleBroken when the primary key writes no prefix, so older rows cannot be found
     */
    public void reencrypt(String by) {
        if (cipher.primaryPrefix().length == 0) {
            throw new RuleBroken("The primary key writes no key prefix (a RAW key), so text under older keys cannot be "
                    + "told apart. Use a key with the TINK prefix, as Tinkey's AES256_GCM template makes.");
        }
        jdbc.sql("""
                insert into narrative_rewrap (primary_key_id, requested_at, requested_by) values (?, ?, ?)
                on conflict (primary_key_id) do update set finished_at = null
                where narrative_rewrap.finished_at is not null""")
                .params(Integer.toUnsignedLong(cipher.keyIds().get(0)), Timestamp.from(clock.instant()), by).update();
    }

    @Scheduled(fixedDelayString = "${rapport.notes.rewrap-interval:30s}", initialDelayString = "${rapport.notes.rewrap-interval:30s}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void onSchedule() {
        rewrapSome();
    }

    /**
     * One batch in each store now, when re-encryption was asked for under the current primary key (the
     * schedule calls it). A batch that finds nothing left to rewrap finishes the work: counting every
     * store on every batch would cost more than the batch. A value no key decrypts is left, and shown
     * in {@link #progress()} as still under an older key.
     */
    public int rewrapSome() {
        long primary = Integer.toUnsignedLong(cipher.keyIds().get(0));
        boolean asked = Boolean.TRUE.equals(jdbc.sql(
                "select exists (select 1 from narrative_rewrap where primary_key_id = ? and finished_at is null)")
                .param(primary).query(Boolean.class).single());
        if (!asked) return 0;
        byte[] prefix = cipher.primaryPrefix();
        int done = stores.orderedStream().mapToInt(store -> store.rewrap(store.organisations(), cipher, prefix, batch)).sum();
        jdbc.sql("update narrative_rewrap set rows_done = rows_done + ?, finished_at = ? where primary_key_id = ?")
                .params(done, done == 0 ? Timestamp.from(clock.instant()) : null, primary).update();
        if (done == 0) {
            log.info("Re-encryption under the primary key {} is finished.", Long.toUnsignedString(primary));
        } else {
            log.info("Re-encrypting under the primary key {}: {} more rewrapped.", Long.toUnsignedString(primary), done);
        }
        return done;
    }

    @Scheduled(fixedDelayString = "${rapport.notes.clear-conversion-interval:10s}",
            initialDelayString = "${rapport.notes.clear-conversion-interval:10s}")
    @SchedulerLock(name = CLEAR_LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT1S")
    void onClearConversionSchedule() {
        if (!clearConverted) sealClearSome();
    }

    /**
     * The start-up conversion, one batch in each store: text an earlier version kept in the clear is
     * sealed under the primary key. New text is always written sealed, so once a batch finds nothing
     * this server stops looking until it starts again.
     */
    public int sealClearSome() {
        int done = stores.orderedStream().mapToInt(store -> store.sealClear(store.organisations(), cipher, batch)).sum();
        if (done == 0) {
            clearConverted = true;
        } else {
            log.info("Encrypting narrative an earlier version kept in the clear: {} more rows sealed.", done);
        }
        return done;
    }
}

package org.rapport.protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The encrypted columns of a module's tables, counted and rewrapped for a {@link NarrativeStore},
 * each organisation in its own scope and transaction. A column is named by its table, the column
 * holding the record id its ciphertext is bound to, an optional position column (addenda), and the
 * field name the ciphertext is bound to. The names are the module's constants, never input.
 * A column that took over texts an earlier version kept in the clear names those clear columns:
 * their rows are sealed into it ({@link NarrativeCipher#encryptFields}, keyed by the clear columns'
 * names) and the clear columns emptied, by the start-up conversion.
 */
public final class EncryptedColumns {

    private static final Logger log = LoggerFactory.getLogger(EncryptedColumns.class);

    /** One encrypted column; {@code field} gives the bound field name from the position (0 without one). */
    public record Column(String table, String recordColumn, @Nullable String positionColumn, String column,
            IntFunction<String> field, List<String> formerlyClear) {

        public Column {
            formerlyClear = List.copyOf(formerlyClear);
        }

        public Column(String table, String recordColumn, @Nullable String positionColumn, String column,
                IntFunction<String> field) {
            this(table, recordColumn, positionColumn, column, field, List.of());
        }

        /** A column sealing several texts of a record, once kept in these clear columns. */
        public static Column sealing(String table, String recordColumn, String column, String field, String... formerlyClear) {
            return new Column(table, recordColumn, null, column, position -> field, List.of(formerlyClear));
        }

        private String clearPresent() {
            return formerlyClear.isEmpty() ? "false" : "coalesce(" + String.join(", ", formerlyClear) + ") is not null";
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate work;
    private final List<Column> columns;

    public EncryptedColumns(JdbcClient jdbc, PlatformTransactionManager transactions, List<Column> columns) {
        this.jdbc = jdbc;
        this.work = new TransactionTemplate(transactions);
        this.columns = List.copyOf(columns);
    }

    /** Rows under an older key, and all rows, in these organisations. */
    public NarrativeStore.Count count(List<OrganisationId> organisations, byte[] primaryPrefix) {
        long older = 0;
        long all = 0;
        // One scope and one transaction per organisation, for all its columns.
        for (OrganisationId organisation : organisations) {
            long[] counts = Tenancy.callAs(organisation, () -> work.execute(status -> {
                long[] sum = new long[2];
                for (Column c : columns) {
                    // Rows still in the clear count as older too; a column empty on both sides is no row of narrative.
                    jdbc.sql("select count(*) filter (where substring(" + c.column() + " from 1 for :length) <> :prefix"
                                    + " or (" + c.column() + " is null and " + c.clearPresent() + ")),"
                                    + " count(*) filter (where " + c.column() + " is not null or " + c.clearPresent() + ")"
                                    + " from " + c.table() + " where organisation_id = :organisation")
                            .param("length", primaryPrefix.length).param("prefix", primaryPrefix)
                            .param("organisation", organisation.value())
                            .query((java.sql.ResultSet rs) -> {
                                sum[0] += rs.getLong(1);
                                sum[1] += rs.getLong(2);
                            });
                }
                return sum;
            }));
            older += counts[0];
            all += counts[1];
        }
        return new NarrativeStore.Count(older, all);
    }

    /** Rewraps up to {@code max} rows under an older key, organisation by organisation; returns how many. */
    public int rewrap(List<OrganisationId> organisations, NarrativeCipher cipher, byte[] primaryPrefix, int max) {
        return inBatches(organisations, columns, max, (organisation, c, left) -> rewrap(organisation, c, cipher,
                primaryPrefix, left));
    }

    /**
     * Seals up to {@code max} rows an earlier version kept in the clear, organisation by
     * organisation: the texts go into the encrypted column and the clear columns are emptied, in one
     * update of a row still unsealed. Returns how many rows it sealed.
     */
    public int sealClear(List<OrganisationId> organisations, NarrativeCipher cipher, int max) {
        List<Column> once = columns.stream().filter(c -> !c.formerlyClear().isEmpty()).toList();
        return inBatches(organisations, once, max, (organisation, c, left) -> sealClear(organisation, c, cipher, left));
    }

    /**
     * Seals up to {@code max} aggregates an earlier version wrote in the clear, for a module whose
     * aggregates seal their texts as they are saved: in each organisation, each root row whose clear
     * columns still hold text is loaded and saved again by {@code resave} (its child rows written
     * again without their clear texts), and the root's clear columns emptied. Returns how many it sealed.
     */
    public int resaveClear(List<OrganisationId> organisations, String table, String recordColumn, List<String> clearColumns,
            int max, Consumer<UUID> resave) {
        String present = "coalesce(" + String.join(", ", clearColumns) + ") is not null";
        String emptied = clearColumns.stream().map(clear -> clear + " = null").collect(Collectors.joining(", "));
        return inBatches(organisations, List.of(table), max, (organisation, root, left) -> {
            List<UUID> clear = jdbc.sql("select " + recordColumn + " from " + root + " where " + present
                            + " order by " + recordColumn + " limit :max for update skip locked")
                    .param("max", left).query(UUID.class).list();
            for (UUID id : clear) {
                resave.accept(id);
                jdbc.sql("update " + root + " set " + emptied + " where " + recordColumn + " = :id").param("id", id).update();
            }
            return clear.size();
        });
    }

    /** One part of a batch in one organisation: does up to {@code max} rows and says how many it did. */
    private interface BatchPart<T> {
        int run(OrganisationId organisation, T part, int max);
    }

    /**
     * Runs each part in each organisation, each in its own scope and transaction, until {@code max}
     * rows are done; returns how many were.
     */
    private <T> int inBatches(List<OrganisationId> organisations, List<T> parts, int max, BatchPart<T> batch) {
        int done = 0;
        for (OrganisationId organisation : organisations) {
            for (T part : parts) {
                if (done >= max) return done;
                int left = max - done;
                done += Tenancy.callAs(organisation, () -> work.execute(status -> batch.run(organisation, part, left)));
            }
        }
        return done;
    }

    private int sealClear(OrganisationId organisation, Column c, NarrativeCipher cipher, int max) {
        record Row(UUID record, Map<String, @Nullable String> texts) {
        }
        List<Row> rows = jdbc.sql("select " + c.recordColumn() + ", " + String.join(", ", c.formerlyClear()) + " from "
                        + c.table() + " where organisation_id = :organisation and " + c.column() + " is null and "
                        + c.clearPresent() + " order by " + c.recordColumn() + " limit :max for update skip locked")
                .param("organisation", organisation.value()).param("max", max)
                .query((rs, n) -> {
                    Map<String, @Nullable String> texts = new LinkedHashMap<>();
                    for (String clear : c.formerlyClear()) texts.put(clear, rs.getString(clear));
                    return new Row(rs.getObject(1, UUID.class), texts);
                }).list();
        String emptied = c.formerlyClear().stream().map(clear -> clear + " = null").collect(Collectors.joining(", "));
        int done = 0;
        for (Row row : rows) {
            byte[] sealed = cipher.encryptFields(row.texts(), organisation, row.record(), c.field().apply(0));
            done += jdbc.sql("update " + c.table() + " set " + c.column() + " = :sealed, " + emptied
                            + " where organisation_id = :organisation and " + c.recordColumn() + " = :record and "
                            + c.column() + " is null")
                    .param("sealed", sealed).param("organisation", organisation.value()).param("record", row.record())
                    .update();
        }
        return done;
    }

    private int rewrap(OrganisationId organisation, Column c, NarrativeCipher cipher, byte[] prefix, int max) {
        String position = c.positionColumn() == null ? "0" : c.positionColumn();
        record Row(UUID record, int position, byte[] body) {
        }
        List<Row> rows = jdbc.sql("select " + c.recordColumn() + ", " + position + ", " + c.column() + " from " + c.table()
                        + " where organisation_id = :organisation and substring(" + c.column() + " from 1 for :length) <> :prefix"
                        + " order by " + c.recordColumn() + (c.positionColumn() == null ? "" : ", " + c.positionColumn())
                        + " limit :max for update skip locked")
                .param("organisation", organisation.value()).param("length", prefix.length).param("prefix", prefix)
                .param("max", max)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBytes(3))).list();
        int done = 0;
        int unreadable = 0;
        for (Row row : rows) {
            byte[] rewrapped;
            try {
                rewrapped = cipher.rewrap(row.body(), organisation, row.record(), c.field().apply(row.position()));
            } catch (NarrativeCipher.NarrativeUnreadable e) {
                unreadable++;
                continue;
            }
            done += jdbc.sql("update " + c.table() + " set " + c.column() + " = :body where organisation_id = :organisation"
                            + " and " + c.recordColumn() + " = :record"
                            + (c.positionColumn() == null ? "" : " and " + c.positionColumn() + " = :position"))
                    .param("body", rewrapped).param("organisation", organisation.value()).param("record", row.record())
                    .param("position", row.position()).update();
        }
        if (unreadable > 0) {
            log.warn("{} encrypted values in {}.{} do not decrypt with any key of the keyset; they were left as they are.",
                    unreadable, c.table(), c.column());
        }
        return done;
    }
}

package org.rapport.protection;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
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
 */
public final class EncryptedColumns {

    private static final Logger log = LoggerFactory.getLogger(EncryptedColumns.class);

    /** One encrypted column; {@code field} gives the bound field name from the position (0 without one). */
    public record Column(String table, String recordColumn, @Nullable String positionColumn, String column,
            IntFunction<String> field) {
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
                    jdbc.sql("select count(*) filter (where substring(" + c.column() + " from 1 for :length) <> :prefix),"
                                    + " count(*) from " + c.table() + " where organisation_id = :organisation")
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
        int done = 0;
        for (OrganisationId organisation : organisations) {
            for (Column c : columns) {
                if (done >= max) return done;
                int left = max - done;
                done += Tenancy.callAs(organisation, () -> work.execute(status -> rewrap(organisation, c, cipher,
                        primaryPrefix, left)));
            }
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

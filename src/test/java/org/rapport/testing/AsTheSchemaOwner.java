package org.rapport.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.rapport.shared.OrganisationId;

/**
 * The database as the schema's owner sees it (the migrations' data source), in one organisation's
 * scope: what a dump of that organisation holds, and changes no module would make, such as rows
 * put back the way an earlier version wrote them.
 */
public final class AsTheSchemaOwner {

    private final DataSource owner;
    private final OrganisationId organisation;

    public AsTheSchemaOwner(DataSource owner, OrganisationId organisation) {
        this.owner = owner;
        this.organisation = organisation;
    }

    /** Every row of every table in the schema, as text and prefixed with its table's name: a dump. */
    public List<String> dump() throws SQLException {
        try (Connection c = scoped()) {
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = current_schema()")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            List<String> rows = new ArrayList<>();
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (rs.next()) rows.add(table + ": " + rs.getString(1));
                }
            }
            c.rollback();
            return rows;
        }
    }

    /** Runs these statements in one transaction. */
    public void update(String... statements) throws SQLException {
        try (Connection c = scoped(); Statement s = c.createStatement()) {
            for (String statement : statements) s.executeUpdate(statement);
            c.commit();
        }
    }

    private Connection scoped() throws SQLException {
        Connection c = owner.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement scope = c.prepareStatement("select set_config('rapport.organisation_id', ?, true)")) {
            scope.setString(1, organisation.value().toString());
            scope.execute();
        }
        return c;
    }
}

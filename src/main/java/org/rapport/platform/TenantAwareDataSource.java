package org.rapport.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the organisation in scope into PostgreSQL
 * ({@code rapport.organisation_id}), where the row-level security policies read it. Every
 * checkout sets it afresh, so a pooled connection never carries one organisation's scope into
 * another's work; with no organisation in scope the setting is empty and the policies show nothing.
 */
final class TenantAwareDataSource extends DelegatingDataSource implements AutoCloseable {

    TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    /** Closes the pool with the application, before the embedded server stops. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) pool.close();
    }

    private static Connection scoped(Connection connection) throws SQLException {
        String organisation = Tenancy.current().map(OrganisationId::toString).orElse("");
        try (PreparedStatement statement =
                connection.prepareStatement("select set_config('rapport.organisation_id', ?, false)")) {
            statement.setString(1, organisation);
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}

package org.rapport.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chooses the database: an external PostgreSQL when {@code spring.datasource.url} is set,
 * otherwise an embedded PostgreSQL that Rapport starts itself. Either way every connection is
 * scoped to the organisation in hand (see {@link TenantAwareDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DataSourceProperties properties,
            @Value("${rapport.embedded.data-dir:}") String dataDirectory,
            @Value("${rapport.embedded.durable:true}") boolean durable) {
        if (properties.getUrl() != null && !properties.getUrl().isBlank()) {
            return EmbeddedDatabaseHolder.none();
        }
        return EmbeddedDatabaseHolder.of(EmbeddedPostgresServer.start(dataDirectory,
                durable ? EmbeddedPostgresServer.Durability.DURABLE : EmbeddedPostgresServer.Durability.THROW_AWAY));
    }

    @Bean
    @Primary
    DataSource dataSource(DataSourceProperties properties, EmbeddedDatabaseHolder embedded,
            @Value("${rapport.database.pool-size:10}") int poolSize) {
        HikariDataSource pool = new HikariDataSource();
        if (embedded.isRunning()) {
            pool.setJdbcUrl(embedded.server().jdbcUrl());
            pool.setUsername(EmbeddedPostgresServer.ROLE);
            pool.setPassword(EmbeddedPostgresServer.ROLE_PASSWORD);
        } else {
            pool.setJdbcUrl(properties.getUrl());
            pool.setUsername(properties.getUsername());
            pool.setPassword(properties.getPassword());
        }
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("rapport");
        return new TenantAwareDataSource(pool);
    }

    @Bean
    DatabaseMode databaseMode(EmbeddedDatabaseHolder embedded) {
        return new DatabaseMode(embedded.isRunning());
    }

    @Bean
    DatabaseRoleCheck databaseRoleCheck(JdbcTemplate jdbc) {
        return new DatabaseRoleCheck(jdbc);
    }

    /** Warns loudly when the database role would bypass row-level security. */
    static final class DatabaseRoleCheck {
        DatabaseRoleCheck(JdbcTemplate jdbc) {
            Boolean bypasses = jdbc.queryForObject(
                    "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
            if (Boolean.TRUE.equals(bypasses)) {
                log.warn("The database role is a superuser or bypasses row-level security: the second wall "
                        + "between organisations is down. Connect Rapport as an ordinary role that owns its schema.");
            }
        }
    }
}

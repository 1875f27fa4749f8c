package org.rapport.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Chooses the database: an external PostgreSQL when {@code spring.datasource.url} is set,
 * otherwise an embedded PostgreSQL that Rapport starts itself. Either way every connection is
 * scoped to the organisation in hand (see {@link TenantAwareDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Ahead of the session store's filter, which reads and saves signed-in sessions in the database. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(DataSourceProperties properties,
            @Value("${rapport.embedded.data-dir:}") String dataDirectory,
            @Value("${rapport.embedded.durable:true}") boolean durable, ConfigurableApplicationContext context) {
        if (properties.getUrl() != null && !properties.getUrl().isBlank()) {
            return EmbeddedDatabaseHolder.none();
        }
        // A kept data folder is Rapport running for real; the suite's throw-away servers leave signals alone.
        if (!dataDirectory.isBlank()) OrderlyStop.install(context);
        return EmbeddedDatabaseHolder.of(EmbeddedPostgresServer.start(dataDirectory,
                durable ? EmbeddedPostgresServer.Durability.DURABLE : EmbeddedPostgresServer.Durability.THROW_AWAY));
    }

    @Bean
    @Primary
    DataSource dataSource(DataSourceProperties properties, EmbeddedDatabaseHolder embedded,
            @Value("${rapport.database.pool-size:10}") int poolSize,
            @Value("${rapport.database.connection-timeout:3s}") Duration connectionTimeout) {
        HikariDataSource pool = new HikariDataSource();
        if (embedded.isRunning()) {
            pool.setJdbcUrl(embedded.server().jdbcUrl());
            pool.setUsername(embedded.server().runtime().username());
            pool.setPassword(embedded.server().runtime().password());
        } else {
            pool.setJdbcUrl(properties.getUrl());
            pool.setUsername(properties.getUsername());
            pool.setPassword(properties.getPassword());
        }
        pool.setMaximumPoolSize(poolSize);
        // While PostgreSQL is away, a request waits seconds for a connection, not the pool's default 30,
        // and is answered 503 (DatabaseUnavailableAnswers); the pool reconnects by itself once it is back.
        pool.setConnectionTimeout(connectionTimeout.toMillis());
        pool.setValidationTimeout(Math.min(2_000, connectionTimeout.toMillis()));
        pool.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connectionTimeout.toSeconds())));
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        pool.setPoolName("rapport");
        return new TenantAwareDataSource(pool);
    }

    /**
     * The migrations run as the role that owns the schema: the embedded owner role, or on an
     * external server {@code spring.flyway.user} and {@code spring.flyway.password}. Without those
     * the runtime role runs them and owns the tables, which {@link DatabaseRoleCheck} warns about.
     */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(DataSourceProperties properties, EmbeddedDatabaseHolder embedded,
            @Value("${spring.flyway.user:}") String ownerUsername,
            @Value("${spring.flyway.password:}") String ownerPassword) {
        if (embedded.isRunning()) {
            EmbeddedCredentials.Login owner = embedded.server().owner();
            return new SimpleDriverDataSource(new Driver(), embedded.server().jdbcUrl(), owner.username(),
                    owner.password());
        }
        return ownerUsername.isBlank()
                ? new SimpleDriverDataSource(new Driver(), properties.getUrl(), properties.getUsername(),
                        properties.getPassword())
                : new SimpleDriverDataSource(new Driver(), properties.getUrl(), ownerUsername, ownerPassword);
    }

    /** The migrations' closing grants ({@code afterMigrate.sql}) go to the role the application connects as. */
    @Bean
    FlywayConfigurationCustomizer runtimeRoleForGrants(DataSourceProperties properties, EmbeddedDatabaseHolder embedded) {
        String runtimeRole = embedded.isRunning() ? embedded.server().runtime().username() : properties.getUsername();
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("runtime_role", runtimeRole == null ? "" : runtimeRole);
            configuration.placeholders(placeholders);
        };
    }

    @Bean
    DatabaseMode databaseMode(EmbeddedDatabaseHolder embedded) {
        return new DatabaseMode(embedded.isRunning());
    }

    @Bean
    DatabaseRoleCheck databaseRoleCheck(JdbcTemplate jdbc) {
        return new DatabaseRoleCheck(jdbc);
    }

    /** Warns loudly when the role Rapport connects as could bypass row-level security or switch it off. */
    static final class DatabaseRoleCheck {
        DatabaseRoleCheck(JdbcTemplate jdbc) {
            Boolean bypasses = jdbc.queryForObject(
                    "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
            if (Boolean.TRUE.equals(bypasses)) {
                log.warn("The database role is a superuser or bypasses row-level security: the second wall "
                        + "between organisations is down. Connect Rapport as an ordinary role with only row grants.");
            }
            Integer owned = jdbc.queryForObject("select count(*) from pg_tables where schemaname = current_schema() "
                    + "and tableowner = current_user", Integer.class);
            if (owned != null && owned > 0) {
                log.warn("The database role Rapport connects as owns {} tables, so it could switch row-level security "
                        + "off. Run the migrations as an owner role (spring.flyway.user, spring.flyway.password) and "
                        + "connect as a role that owns nothing; see the README.", owned);
            }
        }
    }
}

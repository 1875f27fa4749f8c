package org.rapport.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work runs once across the servers that share the database: a method marked
 * {@code @SchedulerLock} takes its job's row in {@code scheduled_work_lock} (V23) before it runs,
 * and a server that finds the row taken skips that run (decision record 19). The times come from
 * the database's clock, so servers whose own clocks disagree still agree on who holds a job.
 * Each module that schedules work names its lock and how long it may be held; work that is
 * per-server on purpose (the embedded server's watch) takes no lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", defaultLockAtLeastFor = "PT1M")
class ScheduledWorkLocks {

    static final String TABLE = "scheduled_work_lock";

    @Bean
    LockProvider scheduledWorkLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName(TABLE)
                .withLockedByValue(thisServer())
                .usingDbTime()
                .build());
    }

    /** The host name and process, so two servers on one machine are told apart in the lock rows. */
    static String thisServer() {
        return Utils.getHostname() + " (pid " + ProcessHandle.current().pid() + ")";
    }
}

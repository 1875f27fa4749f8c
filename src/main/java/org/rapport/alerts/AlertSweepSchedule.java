package org.rapport.alerts;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link AlertSweep} every day ({@code rapport.alerts.sweep-cron}, by default 02:15; "-"
 * turns it off), and once shortly after start-up through {@link AlertSweepAfterStartUp}.
 *
 * <p>Several servers may share the database; each run takes the {@value #LOCK} lock first, so only
 * one of them sweeps (decision record 19). A sweep of every organisation takes minutes at most: a
 * server that stops mid-sweep holds the lock for at most half an hour, and the next run, or the
 * next start-up, sweeps again. The lock is kept for a minute at least, so a server whose clock
 * runs a few seconds behind finds it still taken rather than sweeping a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertSweepSchedule {

    static final String LOCK = "alert-sweep";

    private final AlertSweep sweep;

    AlertSweepSchedule(AlertSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(cron = "${rapport.alerts.sweep-cron:0 15 2 * * *}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        sweep.sweepAll();
    }
}

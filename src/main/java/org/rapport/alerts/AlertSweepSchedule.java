package org.rapport.alerts;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link AlertSweep} every day ({@code rapport.alerts.sweep-cron}, by default 02:15; "-"
 * turns it off) and once shortly after start-up ({@code rapport.alerts.sweep-after-start-up}, by
 * default two minutes; turned off with {@code rapport.alerts.sweep-on-start-up: false}).
 */
@Configuration
@EnableScheduling
class AlertSweepSchedule {

    private final AlertSweep sweep;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final boolean onStartUp;
    private final Duration afterStartUp;

    AlertSweepSchedule(AlertSweep sweep, TaskScheduler scheduler, Clock clock,
            @Value("${rapport.alerts.sweep-on-start-up:true}") boolean onStartUp,
            @Value("${rapport.alerts.sweep-after-start-up:PT2M}") Duration afterStartUp) {
        this.sweep = sweep;
        this.scheduler = scheduler;
        this.clock = clock;
        this.onStartUp = onStartUp;
        this.afterStartUp = afterStartUp;
    }

    @Scheduled(cron = "${rapport.alerts.sweep-cron:0 15 2 * * *}")
    void daily() {
        sweep.sweepAll();
    }

    @EventListener(ApplicationReadyEvent.class)
    void soonAfterStartUp() {
        if (onStartUp) scheduler.schedule(sweep::sweepAll, clock.instant().plus(afterStartUp));
    }
}

package org.rapport.alerts;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Sweeps once shortly after start-up ({@code rapport.alerts.sweep-after-start-up}, by default two
 * minutes; turned off with {@code rapport.alerts.sweep-on-start-up: false}), so a server that was
 * down at 02:15 does not leave a day unswept. It calls the daily run of {@link AlertSweepSchedule}
 * (not the sweep itself), so it takes the same lock: servers started together sweep once.
 */
@Component
class AlertSweepAfterStartUp {

    private final AlertSweepSchedule schedule;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final boolean onStartUp;
    private final Duration afterStartUp;

    AlertSweepAfterStartUp(AlertSweepSchedule schedule, TaskScheduler scheduler, Clock clock,
            @Value("${rapport.alerts.sweep-on-start-up:true}") boolean onStartUp,
            @Value("${rapport.alerts.sweep-after-start-up:PT2M}") Duration afterStartUp) {
        this.schedule = schedule;
        this.scheduler = scheduler;
        this.clock = clock;
        this.onStartUp = onStartUp;
        this.afterStartUp = afterStartUp;
    }

    @EventListener(ApplicationReadyEvent.class)
    void soonAfterStartUp() {
        if (onStartUp) scheduler.schedule(schedule::daily, clock.instant().plus(afterStartUp));
    }
}

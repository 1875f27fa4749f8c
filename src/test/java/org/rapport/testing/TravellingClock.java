package org.rapport.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock tests can move: the system's time shifted by an offset that a test sets (a month on, to
 * the day a follow-up falls due) and puts back afterwards. Import {@link Configuration} to make it
 * the application's clock.
 */
public final class TravellingClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public TravellingClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock on (or back) by this much from where it stands. */
    public void travel(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to this day, keeping the time of day. */
    public void travelTo(LocalDate day) {
        LocalDate today = LocalDate.now(this);
        travel(Duration.ofDays(day.toEpochDay() - today.toEpochDay()));
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TravellingClock moved = new TravellingClock(base.withZone(zone));
        moved.offset = offset;
        return moved;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    /** Makes the travelling clock the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TravellingClock travellingClock() {
            return new TravellingClock(Clock.systemDefaultZone());
        }
    }
}

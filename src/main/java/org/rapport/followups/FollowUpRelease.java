package org.rapport.followups;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Releases follow-ups on their dates, on the schedule of {@code rapport.follow-ups.release-cron}
 * (by default every hour at a quarter past; "-" turns it off, as the tests do, which call
 * {@link FollowUpManagement#releaseDue()} themselves).
 *
 * <p>Several servers may share the database; each run takes the {@value #LOCK} lock first, so only
 * one of them releases (decision record 19). A release takes seconds: a server that stops
 * mid-release holds the lock for at most ten minutes, well before the next hour's run. The lock is
 * kept for a minute at least, so a server whose clock runs a few seconds behind finds it still
 * taken rather than releasing a second time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FollowUpRelease {

    static final String LOCK = "follow-up-release";

    private final FollowUpManagement followUps;

    FollowUpRelease(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    @Scheduled(cron = "${rapport.follow-ups.release-cron:0 15 * * * *}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void release() {
        followUps.releaseDue();
    }
}

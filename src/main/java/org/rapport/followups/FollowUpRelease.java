package org.rapport.followups;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Releases follow-ups on their dates, on the schedule of {@code rapport.follow-ups.release-cron}
 * (by default every hour at a quarter past; "-" turns it off, as the tests do, which call
 * {@link FollowUpManagement#releaseDue()} themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FollowUpRelease {

    private final FollowUpManagement followUps;

    FollowUpRelease(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    @Scheduled(cron = "${rapport.follow-ups.release-cron:0 15 * * * *}")
    void release() {
        followUps.releaseDue();
    }
}

package org.rapport.followups;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which follow-ups may have a link created, without Spring. */
class FollowUpStatusTests {

    @Test
    void aLinkIsCreatedOnlyOnceTheFollowUpIsDueAndUntilItIsAnswered() {
        assertThat(FollowUpStatus.SCHEDULED.mayCreateLink()).isFalse();
        assertThat(FollowUpStatus.DUE.mayCreateLink()).isTrue();
        assertThat(FollowUpStatus.LINK_SENT.mayCreateLink()).isTrue();
        assertThat(FollowUpStatus.ANSWERED.mayCreateLink()).isFalse();
    }
}

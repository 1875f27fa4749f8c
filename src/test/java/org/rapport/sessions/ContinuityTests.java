package org.rapport.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The continuity figure, worked by hand. */
class ContinuityTests {

    static final UUID SAM = UUID.randomUUID();

    @Test
    void givesTheShareOfAttendedSessionsWithTheLeadHelperRoundedToAWholePerCent() {
        // 7 / 9 = 0.777… → 78 %
        Continuity continuity = Continuity.of(9, 7, SAM, "Sam Lee");

        assertThat(continuity.percent()).isEqualTo(78);
        assertThat(continuity.summary()).isEqualTo("7 of 9 attended sessions with Sam Lee (78%)");
    }

    @Test
    void roundsAHalfUp() {
        // 1 / 8 = 12.5 % → 13 %
        assertThat(Continuity.of(8, 1, SAM, "Sam Lee").percent()).isEqualTo(13);
    }

    @Test
    void saysOneSessionInTheSingular() {
        assertThat(Continuity.of(1, 1, SAM, "Sam Lee").summary()).isEqualTo("1 of 1 attended session with Sam Lee (100%)");
    }

    @Test
    void hasNoFigureBeforeAnySessionWasAttended() {
        Continuity continuity = Continuity.of(0, 0, SAM, "Sam Lee");

        assertThat(continuity.percent()).isNull();
        assertThat(continuity.summary()).isEqualTo("No attended sessions yet.");
    }

    @Test
    void refusesMoreSessionsWithTheLeadThanWereAttended() {
        assertThatThrownBy(() -> Continuity.of(2, 3, SAM, "Sam Lee")).isInstanceOf(IllegalArgumentException.class);
    }
}

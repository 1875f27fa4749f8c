package org.rapport.recording.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A session is recorded after it, so the form starts it on the last quarter hour, not on the minute it is opened. */
class QuickRecordStartTimeTests {

    @ParameterizedTest(name = "opened at {0}: starts at {1}")
    @CsvSource({"10:00:00, 10:00", "10:14:59, 10:00", "10:15:00, 10:15", "10:44:30, 10:30", "10:59:59, 10:45",
            "00:07:00, 00:00"})
    void startsOnTheLastQuarterHour(LocalTime opened, LocalTime start) {
        assertThat(QuickRecordPages.lastQuarterHour(opened)).isEqualTo(start);
    }
}

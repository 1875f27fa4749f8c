package org.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An unexpected error is logged by its kind and place, never by a message that might quote a client. */
class SafeErrorLogTests {

    @Test
    void namesTheKindsOfErrorWithoutTheirMessages() {
        Exception error = new IllegalStateException("outer about Robin Fairweather",
                new IllegalArgumentException("inner quoting Robin Fairweather's note"));

        String described = SafeErrorLog.describe(error);

        assertThat(described).contains("java.lang.IllegalStateException", "caused by java.lang.IllegalArgumentException",
                "SafeErrorLogTests").doesNotContain("Robin", "note");
    }
}

package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * One-time codes as RFC 6238 defines them (HMAC-SHA1, 30-second steps), checked against the
 * RFC's own test vectors (Appendix B, shortened to six digits), and the steps Rapport accepts.
 */
class SecondFactorCodesTests {

    /** The RFC's shared secret, the ASCII text "12345678901234567890", in base32. */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheTestVectorsOfRfc6238() {
        SecondFactors factors = at(59);

        assertThat(factors.code(RFC_SECRET, 59 / 30)).isEqualTo("287082");        // 94287082
        assertThat(factors.code(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804"); // 07081804
        assertThat(factors.code(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924"); // 89005924
        assertThat(factors.code(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037"); // 69279037
    }

    @Test
    void acceptsTheCodeOfNowAndOneStepEitherSideForClocksThatDrift() {
        long now = 1234567890L;
        SecondFactors factors = at(now);
        long step = now / 30;

        assertThat(factors.matchingStep(RFC_SECRET, "005924", 0)).contains(step);
        assertThat(factors.matchingStep(RFC_SECRET, factors.code(RFC_SECRET, step - 1), 0)).contains(step - 1);
        assertThat(factors.matchingStep(RFC_SECRET, factors.code(RFC_SECRET, step + 1), 0)).contains(step + 1);
        assertThat(factors.matchingStep(RFC_SECRET, factors.code(RFC_SECRET, step - 2), 0)).isEmpty();
        assertThat(factors.matchingStep(RFC_SECRET, factors.code(RFC_SECRET, step + 2), 0)).isEmpty();
    }

    @Test
    void refusesAStepAlreadyUsedSoACodeWorksOnce() {
        long now = 1234567890L;
        SecondFactors factors = at(now);

        assertThat(factors.matchingStep(RFC_SECRET, "005924", now / 30)).isEmpty();
        assertThat(factors.matchingStep(RFC_SECRET, "005924", now / 30 - 1)).contains(now / 30);
    }

    @Test
    void takesTheCodeWithSpacesButNothingThatIsNotSixDigits() {
        SecondFactors factors = at(1234567890L);

        assertThat(factors.matchingStep(RFC_SECRET, " 005 924 ", 0)).isPresent();
        assertThat(factors.matchingStep(RFC_SECRET, "5924", 0)).isEmpty();
        assertThat(factors.matchingStep(RFC_SECRET, "89005924", 0)).isEmpty();
        assertThat(factors.matchingStep(RFC_SECRET, "abcdef", 0)).isEmpty();
        assertThat(factors.matchingStep(RFC_SECRET, null, 0)).isEmpty();
    }

    private static SecondFactors at(long epochSecond) {
        return new SecondFactors(null, null, null, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }
}

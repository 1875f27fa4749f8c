package org.rapport.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sign-in attempts may fail before sign-in pauses, and for how long a count lasts: by
 * sign-in name ({@code rapport.sign-in.account-attempts}), by client address
 * ({@code rapport.sign-in.address-attempts}), each within one window ({@code rapport.sign-in.window}).
 * The defaults, five and twenty in fifteen minutes, are explained in decision record 11.
 */
@ConfigurationProperties("rapport.sign-in")
public record SignInLimits(@DefaultValue("5") int accountAttempts, @DefaultValue("20") int addressAttempts,
        @DefaultValue("PT15M") Duration window) {

    public SignInLimits {
        if (accountAttempts < 1 || addressAttempts < 1) {
            throw new IllegalArgumentException("rapport.sign-in needs at least one attempt by account and by address");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rapport.sign-in.window must be a positive duration, such as PT15M");
        }
    }
}

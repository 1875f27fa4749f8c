package org.rapport.accounts;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-in attempts in token buckets, one per sign-in name and one per client
 * address: each failure takes a token, and a bucket refills whole one window after its first
 * failure. An empty bucket pauses sign-in for that name, or from that address, until it refills.
 * A sign-in name is counted whether or not an account has it, so a pause tells nobody which names
 * exist. A successful sign-in clears its name's count, never its address's: one good password
 * must not buy more guesses at other accounts.
 *
 * <p>The buckets live in this server's memory (decision record 11): they start empty after a
 * restart, and several servers would each keep their own.
 */
@Component
class SignInThrottle {

    /** Past this many names (or addresses) counted, buckets that have refilled are let go. */
    private static final int TIDY_ABOVE = 10_000;
    private static final int LONGEST_KEY = 120;

    private final SignInLimits limits;
    private final Clock clock;
    private final TimeMeter time;
    private final Map<String, Bucket> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    SignInThrottle(SignInLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.time = new ClockTime(clock);
    }

    /** What one failed attempt began: a pause by its sign-in name, by its address, both or neither. */
    record Failure(@Nullable Instant accountPausedUntil, @Nullable Instant addressPausedUntil) {
    }

    /** How long until sign-in with this name from this address may be tried again, if it is paused. */
    Optional<Duration> pausedFor(String username, String address) {
        long wait = Math.max(nanosToWait(byAccount.get(key(username))), nanosToWait(byAddress.get(address(address))));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Until when sign-in with this name is paused by its own failed attempts, if it is. */
    Optional<Instant> accountPausedUntil(String username) {
        long wait = nanosToWait(byAccount.get(key(username)));
        return wait > 0 ? Optional.of(clock.instant().plusNanos(wait)) : Optional.empty();
    }

    Failure failed(String username, String address) {
        return new Failure(take(byAccount, key(username), limits.accountAttempts()),
                take(byAddress, address(address), limits.addressAttempts()));
    }

    /**
     * Counts a wrong current password typed to change it: against the sign-in name only, as the
     * person is signed in and their address says nothing new; until when a pause began, if this
     * failure began one.
     */
    @Nullable Instant failedWithName(String username) {
        return take(byAccount, key(username), limits.accountAttempts());
    }

    void succeeded(String username) {
        byAccount.remove(key(username));
    }

    /** Clears the count of a sign-in name; true when sign-in with it was paused. */
    boolean lift(String username) {
        Bucket bucket = byAccount.remove(key(username));
        return nanosToWait(bucket) > 0;
    }

    /** The form in which a typed sign-in name is counted: as sign-in looks it up. */
    static String key(@Nullable String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() <= LONGEST_KEY ? name : name.substring(0, LONGEST_KEY);
    }

    private static String address(@Nullable String address) {
        String text = address == null || address.isBlank() ? "unknown" : address.strip();
        return text.length() <= LONGEST_KEY ? text : text.substring(0, LONGEST_KEY);
    }

    /** Takes a token for a failure; when that was the last one, until when the pause lasts. */
    private @Nullable Instant take(Map<String, Bucket> buckets, String key, int attempts) {
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= attempts);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> bucket(attempts));
        if (!bucket.tryConsume(1) || bucket.getAvailableTokens() > 0) {
            return null; // not the failure that emptied it (an attempt already under way when it did)
        }
        return clock.instant().plusNanos(nanosToWait(bucket));
    }

    private Bucket bucket(int attempts) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillIntervally(attempts, limits.window()))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long nanosToWait(@Nullable Bucket bucket) {
        if (bucket == null) return 0;
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }
}

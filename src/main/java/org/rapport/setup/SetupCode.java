package org.rapport.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The one-time code that opens the setup page: 256 random bits, shown once, and kept only as its
 * SHA-256 hash in memory, so a restart issues a new one and the old one no longer works.
 */
final class SetupCode {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AtomicReference<byte @Nullable []> hash = new AtomicReference<>();

    /** Issues a new code in place of any earlier one, and returns it: the only time it is seen. */
    String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        hash.set(sha256(code));
        return code;
    }

    boolean matches(@Nullable String code) {
        byte[] expected = hash.get();
        return expected != null && code != null && !code.isBlank() && MessageDigest.isEqual(expected, sha256(code));
    }

    /** Once used, no code opens the page again. */
    void spend() {
        hash.set(null);
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

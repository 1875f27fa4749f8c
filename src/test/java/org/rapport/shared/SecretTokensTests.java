package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Link secrets are long, random and URL-safe, and only a fixed-length hash of them is kept. */
class SecretTokensTests {

    @Test
    void makesLongUrlSafeTokensThatDoNotRepeat() {
        String first = SecretTokens.newToken();
        String second = SecretTokens.newToken();

        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void hashesTheSameTokenTheSameWayAndNeverKeepsTheTokenItself() {
        String token = SecretTokens.newToken();

        assertThat(SecretTokens.hash(token)).matches("[0-9a-f]{64}").isEqualTo(SecretTokens.hash(token))
                .doesNotContain(token);
        // The published SHA-256 of "abc".
        assertThat(SecretTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

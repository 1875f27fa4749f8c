package org.rapport.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords as NIST SP 800-63B 5.1.1.2 asks: long enough, not common, not published, not the
 * person's own names. The refused examples are the ones an attack test found accepted.
 */
class PasswordPolicyTests {

    static final List<String> SAM = List.of("sam.rivers", "Sam Rivers", "Riverside Counselling");

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "aaaaaaaaaaaa", "passwordpassword", "qwertyuiopasdf", "abcdefghijkl"})
    void refusesPasswordsThatAreLongButEasyToGuess(String password) {
        assertThat(PasswordPolicy.refusal(password, SAM, false)).hasValueSatisfying(
                why -> assertThat(why).startsWith("That password is too easy to guess."));
    }

    @Test
    void refusesThePublishedDemoPasswordExceptForTheDemo() {
        assertThat(PasswordPolicy.refusal("rapport-demo-2026", SAM, false))
                .hasValue("That password is published with Rapport's demo; choose one of your own.");
        assertThat(PasswordPolicy.refusal("rapport-demo-2026", List.of("admin@demo", "Avery Quinn",
                "Northbridge Wellbeing Service (demo)"), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sam Rivers 12345", "rivers-tidal-lantern", "RIVERSIDE-orchid-kettle",
            "tidal counselling lantern", "my-rapport-lantern-77", "Rivérs orchid kettle nine"})
    void refusesTheOwnNameSignInNameOrganisationAndRapportsName(String password) {
        assertThat(PasswordPolicy.refusal(password, SAM, false)).hasValue(
                "A password may not contain the person's name, sign-in name or organisation, or Rapport's name.");
    }

    @Test
    void refusesTooShortAndTooLong() {
        assertThat(PasswordPolicy.refusal("orchid-kite", SAM, false)).hasValue("A password needs at least 12 characters.");
        assertThat(PasswordPolicy.refusal(null, SAM, false)).hasValue("A password needs at least 12 characters.");
        assertThat(PasswordPolicy.refusal("x".repeat(201), SAM, false)).hasValue("A password has at most 200 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tidal marigold lantern", "orchid-kettle-harbour-47", "Ein Zug nach Görlitz, bitte!",
            "a long enough passphrase"})
    void acceptsLongUncommonPassphrasesOfAnyCharacters(String password) {
        assertThat(PasswordPolicy.refusal(password, SAM, false)).isEmpty();
    }
}

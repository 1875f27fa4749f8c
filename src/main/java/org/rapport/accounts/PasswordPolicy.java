package org.rapport.accounts;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a password must be (NIST SP 800-63B, 5.1.1.2): at least 12 characters and at most 200; not
 * one that is published (the demo's); not built on the person's own name, sign-in name or
 * organisation, or on Rapport's name; and hard to guess by a strength estimator that knows common
 * passwords, names, words, keyboard patterns, repeats and dates (zxcvbn; at least score 3 of 4,
 * "safely unguessable"). No rules about kinds of characters: the standard advises against them.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = NewAccount.MIN_PASSWORD_LENGTH;
    static final int MAX_LENGTH = 200;
    static final int MIN_SCORE = 3;
    /** Passwords printed in Rapport's README and start-up log. */
    static final Set<String> PUBLISHED = Set.of("rapport-demo-2026");

    private static final Zxcvbn ESTIMATOR = new Zxcvbn();
    /** Words shorter than this are too common inside other words to refuse on their own. */
    private static final int SHORTEST_PERSONAL_WORD = 4;

    private PasswordPolicy() {
    }

    /**
     * Why this password may not be used, or empty when it may.
     *
     * @param personal the person's name, sign-in name and organisation's name
     * @param publishedAllowed whether a published password is accepted (the demo organisation only)
     */
    static Optional<String> refusal(@Nullable String password, List<String> personal, boolean publishedAllowed) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("A password has at most " + MAX_LENGTH + " characters.");
        }
        if (PUBLISHED.contains(password)) {
            return publishedAllowed ? Optional.empty()
                    : Optional.of("That password is published with Rapport's demo; choose one of your own.");
        }
        String folded = fold(password);
        List<String> words = personalWords(personal);
        for (String word : words) {
            if (folded.contains(word)) {
                return Optional.of("A password may not contain the person's name, sign-in name or organisation, "
                        + "or Rapport's name.");
            }
        }
        Strength strength = ESTIMATOR.measure(password, words);
        if (strength.getScore() < MIN_SCORE) {
            StringBuilder why = new StringBuilder("That password is too easy to guess.");
            String warning = strength.getFeedback().getWarning();
            if (warning != null && !warning.isBlank()) why.append(' ').append(warning);
            why.append(" A few uncommon words together make a strong password that is easy to remember.");
            return Optional.of(why.toString());
        }
        return Optional.empty();
    }

    /** The words of the person's names and organisation, lower-case, letters and digits only. */
    private static List<String> personalWords(List<String> personal) {
        List<String> words = new ArrayList<>(List.of("rapport"));
        for (String text : personal) {
            if (text == null) continue;
            String whole = fold(text);
            if (whole.length() >= SHORTEST_PERSONAL_WORD) words.add(whole);
            for (String part : text.split("[^\\p{L}\\p{N}]+")) {
                String word = fold(part);
                if (word.length() >= SHORTEST_PERSONAL_WORD && !words.contains(word)) words.add(word);
            }
        }
        return words;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}

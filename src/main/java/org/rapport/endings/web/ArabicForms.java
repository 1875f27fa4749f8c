package org.rapport.endings.web;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Joins Arabic letters for a PDF that does no shaping of its own: each letter is replaced by its
 * presentation form (isolated, final, initial or medial, by whether it joins the letters beside it),
 * and lam followed by alef by their ligature. The forms are read from Unicode itself (the names and
 * compatibility decompositions of the presentation forms), so no table is kept here. Vowel marks are
 * transparent. Text extraction gives back the plain letters (presentation forms decompose to them).
 * This is the classic joining of the Arabic alphabet, not full OpenType shaping: no other ligatures,
 * no mark positioning, no Nastaliq.
 */
final class ArabicForms {

    private static final int ISOLATED = 0;
    private static final int FINAL = 1;
    private static final int INITIAL = 2;
    private static final int MEDIAL = 3;
    private static final int LAM = 0x0644;
    private static final int TATWEEL = 0x0640;
    private static final String[] FORM_NAMES = {" ISOLATED FORM", " FINAL FORM", " INITIAL FORM", " MEDIAL FORM"};

    /** A letter's presentation forms by form, 0 where it has none. */
    private static final Map<Integer, int[]> FORMS = new HashMap<>();
    /** Lam with an alef: the ligature's isolated and final forms, by the alef. */
    private static final Map<Integer, int[]> LAM_ALEF = new HashMap<>();

    static {
        // Presentation Forms-B first (the Arabic alphabet), then Forms-A for the letters of other languages.
        read(0xFE70, 0xFEFC, false);
        read(0xFB50, 0xFBFF, true);
    }

    private ArabicForms() {
    }

    private static void read(int from, int to, boolean onlyNewLetters) {
        Map<Integer, int[]> found = new HashMap<>();
        for (int cp = from; cp <= to; cp++) {
            String name = Character.getName(cp);
            if (name == null) continue;
            int form = formOf(name);
            if (form < 0) continue;
            String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            if (name.startsWith("ARABIC LETTER ") && base.codePointCount(0, base.length()) == 1) {
                found.computeIfAbsent(base.codePointAt(0), b -> new int[4])[form] = cp;
            } else if (name.startsWith("ARABIC LIGATURE LAM WITH ALEF") && base.length() == 2 && base.charAt(0) == LAM
                    && form <= FINAL) {
                LAM_ALEF.computeIfAbsent((int) base.charAt(1), a -> new int[2])[form] = cp;
            }
        }
        found.forEach((letter, forms) -> {
            if (!onlyNewLetters || !FORMS.containsKey(letter)) FORMS.putIfAbsent(letter, forms);
        });
    }

    private static int formOf(String name) {
        for (int form = 0; form < FORM_NAMES.length; form++) if (name.endsWith(FORM_NAMES[form])) return form;
        return -1;
    }

    /**
     * The text with its Arabic letters joined; a form the fonts cannot print is left as the plain letter.
     * Text without Arabic letters comes back as it was.
     */
    static String join(String text, IntPredicate printable) {
        int[] cps = text.codePoints().toArray();
        if (java.util.Arrays.stream(cps).noneMatch(FORMS::containsKey)) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (!FORMS.containsKey(cp)) {
                out.appendCodePoint(cp);
                continue;
            }
            int prev = neighbour(cps, i, -1);
            int next = neighbour(cps, i, 1);
            boolean joinsBefore = prev >= 0 && joinsForward(cps[prev]) && joinsBackward(cp);
            if (cp == LAM && next == i + 1 && LAM_ALEF.containsKey(cps[next])) {
                int ligature = LAM_ALEF.get(cps[next])[joinsBefore ? FINAL : ISOLATED];
                if (ligature != 0 && printable.test(ligature)) {
                    out.appendCodePoint(ligature);
                    i = next;
                    continue;
                }
            }
            boolean joinsAfter = next >= 0 && joinsForward(cp) && joinsBackward(cps[next]);
            int form = joinsBefore && joinsAfter ? MEDIAL : joinsBefore ? FINAL : joinsAfter ? INITIAL : ISOLATED;
            int shaped = FORMS.get(cp)[form];
            out.appendCodePoint(shaped != 0 && printable.test(shaped) ? shaped : cp);
        }
        return out.toString();
    }

    /** The nearest letter before or after, passing over vowel marks; -1 when there is none. */
    private static int neighbour(int[] cps, int i, int step) {
        for (int j = i + step; j >= 0 && j < cps.length; j += step) {
            if (Character.getType(cps[j]) != Character.NON_SPACING_MARK) return j;
        }
        return -1;
    }

    private static boolean joinsForward(int cp) {
        int[] forms = FORMS.get(cp);
        return cp == TATWEEL || forms != null && (forms[INITIAL] != 0 || forms[MEDIAL] != 0);
    }

    private static boolean joinsBackward(int cp) {
        int[] forms = FORMS.get(cp);
        return cp == TATWEEL || forms != null && forms[FINAL] != 0;
    }
}

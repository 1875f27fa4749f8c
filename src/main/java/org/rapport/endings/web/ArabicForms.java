package org.rapport.endings.web;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import java.util.function.IntPredicate;

/**
 * Joins Arabic letters for a PDF that does no shaping of its own: ICU's shaping replaces each letter
 * by its presentation form (isolated, final, initial or medial) and lam with alef by their
 * ligature. Text extraction gives back the plain letters (presentation forms decompose to them).
 * This is the classic joining of the Arabic alphabet, not full OpenType shaping: no other
 * ligatures, no mark positioning, no Nastaliq.
 */
final class ArabicForms {

    private static final ArabicShaping SHAPING = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
            | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);

    private ArabicForms() {
    }

    /**
     * The text with its Arabic letters joined, in logical order; the text as it was when it has no
     * Arabic letters or when the fonts cannot print every joined form.
     */
    static String join(String text, IntPredicate printable) {
        if (text.codePoints().noneMatch(ArabicForms::isArabicLetter)) return text;
        try {
            String shaped = SHAPING.shape(text);
            return shaped.codePoints().allMatch(cp -> text.indexOf(cp) >= 0 || printable.test(cp)) ? shaped : text;
        } catch (ArabicShapingException e) {
            return text;
        }
    }

    private static boolean isArabicLetter(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC && Character.isLetter(cp);
    }
}

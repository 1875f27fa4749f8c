package org.rapport.endings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rapport.endings.EndingLetter;

/**
 * The letter PDF prints names in the scripts clients bring, each with the first font that has it.
 * All the names here are invented.
 */
class EndingLetterPdfTests {

    private static final String CHINESE = "林晓雯";
    private static final String JAPANESE = "高野みさき";
    private static final String KOREAN = "한지우";
    private static final String ARABIC = "سلمى النجار";
    private static final String HEBREW = "תמר לוי";
    private static final String DEVANAGARI = "सरिता मेहरा";

    @Test
    void printsNamesInChineseJapaneseArabicHebrewAndDevanagariAsWritten() throws Exception {
        String text = textOf(letterTo(CHINESE, "Also at the last session: " + JAPANESE + ", " + ARABIC + ", "
                + HEBREW + " and " + DEVANAGARI + ", with Zoë Łukasiewicz-Ødegård, Δήμητρα and Дарья."), "ending-letter-pdf-scripts.png");
        assertThat(text).contains("Dear " + CHINESE + ",", JAPANESE, DEVANAGARI, "Zoë Łukasiewicz-Ødegård", "Δήμητρα", "Дарья");
        // Right-to-left names are drawn in visual order; text extraction puts them back in reading order.
        assertThat(text).contains(ARABIC, HEBREW);
        assertThat(text).doesNotContain("??");
    }

    @Test
    void printsAWholeLetterInOneRightToLeftScriptWithTheLettersInReadingOrder() throws Exception {
        String text = textOf(letterTo(ARABIC, "شكرا على كل شيء " + HEBREW), "ending-letter-pdf-rtl.png");
        assertThat(text).contains("Dear " + ARABIC + ",", HEBREW, "شكرا على كل شيء");
    }

    @Test
    void printsKoreanHangulAsQuestionMarksForWantOfAFontOnMavenCentral() throws Exception {
        // No TrueType font with Hangul ships in a well-kept Maven Central artifact (see docs/endings.md):
        // the letter is still written, with a question mark for each syllable.
        String text = textOf(letterTo(KOREAN, "Kept well."), "ending-letter-pdf-hangul.png");
        assertThat(text).contains("Dear ???,", "Kept well.");
    }

    @Test
    void keepsALetterWithEveryScriptSmallBecauseOnlyTheGlyphsUsedAreEmbedded() {
        byte[] pdf = LetterPdf.render(LetterText.of(letterTo(CHINESE, JAPANESE + " " + ARABIC + " " + HEBREW + " "
                + DEVANAGARI + " " + KOREAN), "https://rapport.example"), letterTo(CHINESE, ""));
        assertThat(pdf.length).as("bytes of a one-page letter").isLessThan(2_000_000);
    }

    @Test
    void drawsRightToLeftRunsInVisualOrderKeepingMarksWithTheirLetters() {
        assertThat(LetterPdf.visual("Dear abc,")).isEqualTo("Dear abc,");
        assertThat(LetterPdf.visual("Dear אבג (דה),")).isEqualTo("Dear (הד) גבא,");
        // A mark (here shadda and fatha) stays after the letter it sits on.
        assertThat(LetterPdf.visual("مَّب")).isEqualTo("بمَّ");
    }

    @Test
    void joinsArabicLettersIntoTheFormsTheirPlaceInTheWordAsks() {
        // seen, lam, meem, alef maksura: initial, medial, medial, final.
        assertThat(ArabicForms.join("سلمى", cp -> true)).isEqualTo("\uFEB3\uFEE0\uFEE4\uFEF0");
        // lam and alef make one ligature; a letter alone stays isolated; Latin is untouched.
        assertThat(ArabicForms.join("لا ب abc", cp -> true)).isEqualTo("\uFEFB \uFE8F abc");
        // alef does not join what follows: the beh after it starts afresh.
        assertThat(ArabicForms.join("ابن", cp -> true)).isEqualTo("\uFE8D\uFE91\uFEE6");
        // A form the fonts cannot print is left as the plain letter.
        assertThat(ArabicForms.join("سلمى", cp -> false)).isEqualTo("سلمى");
    }

    private static EndingLetter letterTo(String name, String gains) {
        return new EndingLetter(name, "Ash Marlow", LocalDate.of(2026, 11, 26), gains, "Talking it through helped.",
                "you have reached the goals we set together", null, "Sleeping badly", "Walking", "My sister",
                "Call the crisis line", List.of(LocalDate.of(2026, 12, 26)), "PHQ-9", null, true);
    }

    private static String textOf(EndingLetter letter, String picture) throws Exception {
        byte[] pdf = LetterPdf.render(LetterText.of(letter, "https://rapport.example"), letter);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png", shots.resolve(picture).toFile());
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}

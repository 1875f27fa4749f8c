package org.rapport.endings.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.rapport.endings.EndingLetter;

/**
 * The ending letter as a PDF (Apache PDFBox), A4. Names must print as written in any common script, so
 * each run of text is drawn with the first font that has its characters: Liberation Sans (Latin, Greek,
 * Cyrillic), then Kurinto Sans (Arabic, Hebrew, Devanagari, kana and many more), then Noto Sans SC
 * (Chinese characters). The fallbacks are loaded only when a letter needs them, and every font is
 * embedded as a subset. Arabic letters are joined ({@link ArabicForms}: PDFBox does no shaping) and a
 * right-to-left run is laid out in visual order ({@link Bidi}). Lines wrap at word boundaries (a word
 * longer than a line is broken) and the text flows onto new pages. A character no font has is printed
 * as a question mark rather than failing the letter.
 */
final class LetterPdf {

    static final List<String> REGULAR = List.of("/liberation/LiberationSans-Regular.ttf",
            "/fonts/ttf/Kurinto/KurintoSans-Rg.ttf", "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf");
    static final List<String> BOLD = List.of("/liberation/LiberationSans-Bold.ttf",
            "/fonts/ttf/Kurinto/KurintoSans-Bd.ttf", "/fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf");
    private static final float MARGIN = 64;
    private static final float BODY = 11.5f;
    private static final float HEADING = 13.5f;
    private static final float TITLE = 18;
    private static final float LEADING = 1.45f;

    private LetterPdf() {
    }

    static byte[] render(List<LetterText.Block> blocks, EndingLetter letter) {
        try (PDDocument document = new PDDocument()) {
            Fonts regular = new Fonts(document, REGULAR);
            Fonts bold = new Fonts(document, BOLD);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("A letter at the end of our work");
            info.setAuthor(letter.helperName());
            Writer writer = new Writer(document, regular, bold);
            for (LetterText.Block block : blocks) writer.block(block);
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the ending letter could not be written as a PDF", e);
        }
    }

    /** A piece of a line drawn with one font. */
    record Run(PDFont font, String text) {
    }

    /**
     * A chain of fonts for one weight: the first is loaded at once, the others the first time a
     * character is not in the ones before. Which font draws a character is remembered.
     */
    static final class Fonts {

        private final PDDocument document;
        private final List<String> resources;
        private final List<PDFont> loaded = new ArrayList<>();
        private final Map<Integer, PDFont> chosen = new HashMap<>();

        Fonts(PDDocument document, List<String> resources) throws IOException {
            this.document = document;
            this.resources = resources;
            loaded.add(load(resources.get(0)));
        }

        PDFont primary() {
            return loaded.get(0);
        }

        /** The first font with a glyph for the character, or null when none has one. */
        PDFont fontFor(int codePoint) throws IOException {
            if (chosen.containsKey(codePoint)) return chosen.get(codePoint);
            PDFont found = null;
            for (int i = 0; i < resources.size() && found == null; i++) {
                if (i == loaded.size()) loaded.add(load(resources.get(i)));
                if (has(loaded.get(i), codePoint)) found = loaded.get(i);
            }
            chosen.put(codePoint, found);
            return found;
        }

        /** Splits text whose characters all have a font into runs of one font each; spaces stay in the run they are in. */
        List<Run> runs(String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            PDFont current = null;
            StringBuilder run = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                PDFont font = cp == ' ' && current != null && has(current, cp) ? current : fontFor(cp);
                if (font != current && !run.isEmpty()) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.appendCodePoint(cp);
            }
            if (!run.isEmpty()) runs.add(new Run(current, run.toString()));
            return runs;
        }

        float width(String text, float size) throws IOException {
            float width = 0;
            for (Run run : runs(text)) width += run.font().getStringWidth(run.text()) / 1000 * size;
            return width;
        }

        /** Whether one of the fonts can print the character. */
        boolean has(int codePoint) {
            try {
                return fontFor(codePoint) != null;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean has(PDFont font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        private PDFont load(String resource) throws IOException {
            try (InputStream font = LetterPdf.class.getResourceAsStream(resource)) {
                if (font == null) throw new IOException("font " + resource + " is missing from the classpath");
                return PDType0Font.load(document, font, true);
            }
        }
    }

    /**
     * A line in the order it is drawn, left to right: runs of right-to-left text (Arabic, Hebrew) are
     * reversed, keeping each letter with the marks that follow it, and paired brackets are mirrored.
     * The paragraph's direction is that of its first strong character; lines stay left-aligned.
     */
    static String visual(String line) {
        if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) return line;
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        String[] runs = new String[count];
        byte[] levels = new byte[count];
        for (int i = 0; i < count; i++) {
            String text = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = levels[i] % 2 == 0 ? text : reversed(text);
        }
        Bidi.reorderVisually(levels, 0, runs, 0, count);
        return String.join("", runs);
    }

    private static String reversed(String text) {
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int start = i;
            i += Character.charCount(text.codePointAt(i));
            while (i < text.length() && isMark(text.codePointAt(i))) i += Character.charCount(text.codePointAt(i));
            clusters.add(mirrored(text.substring(start, i)));
        }
        StringBuilder out = new StringBuilder();
        for (int i = clusters.size() - 1; i >= 0; i--) out.append(clusters.get(i));
        return out.toString();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static String mirrored(String cluster) {
        return switch (cluster) {
            case "(" -> ")";
            case ")" -> "(";
            case "[" -> "]";
            case "]" -> "[";
            case "{" -> "}";
            case "}" -> "{";
            case "<" -> ">";
            case ">" -> "<";
            case "«" -> "»";
            case "»" -> "«";
            default -> cluster;
        };
    }

    /** Lays the blocks down line by line, starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final Fonts regular;
        private final Fonts bold;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, Fonts regular, Fonts bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void block(LetterText.Block block) throws IOException {
            Fonts fonts = block.kind() == LetterText.Kind.BODY ? regular : bold;
            float size = switch (block.kind()) {
                case TITLE -> TITLE;
                case HEADING -> HEADING;
                case BODY -> BODY;
            };
            if (block.kind() != LetterText.Kind.BODY) y -= size * 0.6f;
            for (String paragraph : block.text().split("\\R", -1)) {
                List<String> lines = wrap(ArabicForms.join(clean(fonts, paragraph), fonts::has), fonts, size);
                for (String line : lines) {
                    if (y - size * LEADING < MARGIN) newPage();
                    y -= size * LEADING;
                    if (line.isEmpty()) continue;
                    stream.beginText();
                    stream.newLineAtOffset(MARGIN, y);
                    for (Run run : fonts.runs(visual(line))) {
                        stream.setFont(run.font(), size);
                        stream.showText(run.text());
                    }
                    stream.endText();
                }
            }
            y -= size * 0.5f;
        }

        void finish() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            if (stream != null) stream.close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        private List<String> wrap(String text, Fonts fonts, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            if (text.isBlank()) {
                lines.add("");
                return lines;
            }
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" +")) {
                if (word.isEmpty()) continue;
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (fonts.width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word longer than a whole line (or a run of Chinese, which has no spaces) is broken where it must be.
                String rest = word;
                while (fonts.width(rest, size) > width) {
                    int cut = rest.offsetByCodePoints(rest.length(), -1);
                    while (cut > 1 && fonts.width(rest.substring(0, cut), size) > width) cut = rest.offsetByCodePoints(cut, -1);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) lines.add(line.toString());
            return lines;
        }

        /** Keeps what a font can print: control characters become spaces, characters no font has question marks. */
        private static String clean(Fonts fonts, String text) throws IOException {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isISOControl(cp) || Character.isWhitespace(cp)) out.append(' ');
                else if (fonts.fontFor(cp) != null) out.appendCodePoint(cp);
                else out.append('?');
            }
            return out.toString();
        }
    }
}

package org.rapport.endings.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The ending letter as a PDF (Apache PDFBox), A4, with the Liberation Sans fonts embedded (subset)
 * so any Latin, Greek or Cyrillic name prints as written. Lines wrap at word boundaries (a word
 * longer than a line is broken) and the text flows onto new pages. A character the font lacks is
 * printed as a question mark rather than failing the letter.
 */
final class LetterPdf {

    private static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";
    private static final float MARGIN = 64;
    private static final float BODY = 11.5f;
    private static final float HEADING = 13.5f;
    private static final float TITLE = 18;
    private static final float LEADING = 1.45f;

    private LetterPdf() {
    }

    static byte[] render(List<LetterText.Block> blocks, EndingLetter letter) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = load(document, REGULAR);
            PDFont bold = load(document, BOLD);
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

    private static PDFont load(PDDocument document, String resource) throws IOException {
        try (InputStream font = LetterPdf.class.getResourceAsStream(resource)) {
            if (font == null) throw new IOException("font " + resource + " is missing from the classpath");
            return PDType0Font.load(document, font, true);
        }
    }

    /** Lays the blocks down line by line, starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void block(LetterText.Block block) throws IOException {
            PDFont font = block.kind() == LetterText.Kind.BODY ? regular : bold;
            float size = switch (block.kind()) {
                case TITLE -> TITLE;
                case HEADING -> HEADING;
                case BODY -> BODY;
            };
            if (block.kind() != LetterText.Kind.BODY) y -= size * 0.6f;
            for (String paragraph : block.text().split("\\R", -1)) {
                List<String> lines = wrap(clean(font, paragraph), font, size);
                for (String line : lines) {
                    if (y - size * LEADING < MARGIN) newPage();
                    y -= size * LEADING;
                    stream.beginText();
                    stream.setFont(font, size);
                    stream.newLineAtOffset(MARGIN, y);
                    stream.showText(line);
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

        private List<String> wrap(String text, PDFont font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            if (text.isBlank()) {
                lines.add("");
                return lines;
            }
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word longer than a whole line is broken where it must be.
                String rest = word;
                while (width(rest, font, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), font, size) > width) cut--;
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) lines.add(line.toString());
            return lines;
        }

        private static float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Keeps what the font can print: control characters become spaces, missing glyphs question marks. */
        private String clean(PDFont font, String text) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    out.append(' ');
                    return;
                }
                boolean printable = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                if (printable) out.appendCodePoint(cp);
                else out.append('?');
            });
            return out.toString();
        }
    }
}

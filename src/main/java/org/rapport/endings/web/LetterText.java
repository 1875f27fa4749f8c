package org.rapport.endings.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rapport.endings.EndingLetter;

/**
 * The words of the ending letter, once, for both the page and the PDF: plain and warm, addressed to
 * the client, from the four parts and nothing else.
 */
public final class LetterText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public enum Kind { TITLE, HEADING, BODY }

    /** One piece of the letter: a title, a heading or a paragraph (which may hold line breaks). */
    public record Block(Kind kind, String text) {
        public boolean isHeading() {
            return kind == Kind.HEADING;
        }

        public boolean isTitle() {
            return kind == Kind.TITLE;
        }
    }

    private LetterText() {
    }

    /** @param baseUrl where the service is reached, to make the reconnect link whole (no trailing slash) */
    static List<Block> of(EndingLetter letter, String baseUrl) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(Kind.TITLE, "A letter at the end of our work"));
        blocks.add(body(DAY.format(letter.writtenOn())));
        blocks.add(body("Dear " + letter.clientName() + ","));
        blocks.add(body("As our work together comes to an end, I wanted to put in writing what we talked about, "
                + "so that you have it to keep."));
        if (letter.gains() != null || letter.clientWords() != null) {
            blocks.add(heading("What you have achieved"));
            if (letter.gains() != null) blocks.add(body(letter.gains()));
            if (letter.clientWords() != null) blocks.add(body("You told me what helped: “" + letter.clientWords() + "”"));
        }
        if (!letter.reasonToClient().isEmpty() || letter.explanation() != null) {
            blocks.add(heading("Why our work is ending"));
            if (!letter.reasonToClient().isEmpty()) blocks.add(body("Our work is ending because " + letter.reasonToClient() + "."));
            if (letter.explanation() != null) blocks.add(body(letter.explanation()));
        }
        if (letter.hasMaintenancePlan()) {
            blocks.add(heading("Keeping well"));
            blocks.add(body("This is the plan we made together, in your words."));
            add(blocks, "Signs to look out for", letter.warningSigns());
            add(blocks, "What helps", letter.whatHelps());
            add(blocks, "People you can contact", letter.peopleToContact());
            add(blocks, "If things become very difficult", letter.crisisPlan());
        }
        blocks.add(heading("Keeping in touch"));
        if (!letter.followUpDates().isEmpty()) {
            blocks.add(body("I will check in with you on " + dates(letter.followUpDates()) + ". Each time you will be asked "
                    + "a few short questions" + (letter.followUpMeasure() == null ? "" : ", from the " + letter.followUpMeasure() + ",")
                    + " and whether you would like to get back in touch."));
        }
        if (letter.reconnectPath() != null) {
            blocks.add(body("If you would like to come back at any time, you can use this link: " + baseUrl + letter.reconnectPath()));
        } else {
            blocks.add(body("If you would like to get back in touch at any time, you are welcome to contact us."));
        }
        blocks.add(body("With warm wishes,\n" + letter.helperName()));
        return blocks;
    }

    static String dates(List<LocalDate> dates) {
        List<String> days = dates.stream().map(DAY::format).toList();
        if (days.size() == 1) return days.get(0);
        return String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
    }

    private static void add(List<Block> blocks, String label, @Nullable String text) {
        if (text != null) blocks.add(body(label + ": " + text));
    }

    private static Block heading(String text) {
        return new Block(Kind.HEADING, text);
    }

    private static Block body(String text) {
        return new Block(Kind.BODY, text);
    }
}

package org.rapport.measures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns one set of answers into a {@link Score}, following the instrument's scoring rule exactly. */
final class Scorer {

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL64;
    private static final BigDecimal TEN = BigDecimal.TEN;

    private final InstrumentDefinition instrument;

    Scorer(InstrumentDefinition instrument) {
        this.instrument = instrument;
    }

    Score score(Map<String, Integer> answers) {
        for (String linkId : answers.keySet()) {
            if (instrument.item(linkId).isEmpty())
                throw new InvalidAnswers(
                        instrument.name() + " has no question '" + linkId + "', so that answer cannot be scored.");
        }
        int sum = 0;
        int answered = 0;
        boolean risk = false;
        boolean riskUnanswered = false;
        List<String> unanswered = new ArrayList<>();
        for (var item : instrument.items()) {
            Integer value = answers.get(item.linkId());
            if (value == null) {
                unanswered.add(item.linkId());
                if (item.risk()) riskUnanswered = true;
                continue;
            }
            var set = instrument.answerSet(item.answerSet());
            if (set.withValue(value).isEmpty()) {
                throw new InvalidAnswers("Question " + item.linkId() + " of " + instrument.name() + " ("
                        + shortened(item.text()) + ") cannot be answered " + value + "; its answers are "
                        + values(set) + ".");
            }
            answered++;
            sum += item.reverseKeyed() ? set.lowest() + set.highest() - value : value;
            if (item.risk() && value > set.lowest()) risk = true;
        }
        var scoring = instrument.scoring();
        if (answered == 0) {
            throw new InvalidAnswers("No question of " + instrument.name() + " is answered, so it cannot be scored.");
        }
        if (unanswered.size() > scoring.maxMissing()) {
            String which = (unanswered.size() == 1 ? "question " : "questions ") + joined(unanswered);
            throw new InvalidAnswers(scoring.maxMissing() == 0
                    ? "Every question of " + instrument.name() + " must be answered before it can be scored; "
                            + which + (unanswered.size() == 1 ? " is" : " are") + " not."
                    : instrument.name() + " can be scored with at most " + scoring.maxMissing()
                            + " question" + (scoring.maxMissing() == 1 ? "" : "s") + " unanswered; "
                            + which + (unanswered.size() == 1 ? " is" : " are") + " not answered.");
        }
        int items = instrument.items().size();
        boolean prorated = answered < items;
        BigDecimal total = switch (scoring.method()) {
            case SUM -> prorated
                    ? BigDecimal.valueOf((long) sum * items).divide(BigDecimal.valueOf(answered), EXACT_ENOUGH)
                    : BigDecimal.valueOf(sum);
            case MEAN_TIMES_10 -> BigDecimal.valueOf(sum).multiply(TEN).divide(BigDecimal.valueOf(answered), EXACT_ENOUGH);
        };
        total = rounded(total, scoring.rounding());
        double value = total.doubleValue();
        var cutOff = scoring.cutOff();
        return new Score(value, band(value, scoring.bands()), cutOff != null && cutOff.isMetBy(value), risk, answered,
                prorated, riskUnanswered);
    }

    private static BigDecimal rounded(BigDecimal total, Scoring.Rounding rounding) {
        return switch (rounding) {
            case NONE -> total;
            case HALF_UP -> total.setScale(0, RoundingMode.HALF_UP);
            case UP -> total.setScale(0, RoundingMode.CEILING);
            case DOWN -> total.setScale(0, RoundingMode.FLOOR);
        };
    }

    /** The band whose lower end the total has reached; bands are in ascending order and cover every total. */
    private static @Nullable String band(double total, List<SeverityBand> bands) {
        String label = null;
        for (var band : bands) {
            if (total >= band.from()) label = band.label();
        }
        return label;
    }

    private static String values(AnswerSet set) {
        var values = set.options().stream().map(AnswerOption::value).sorted().toList();
        boolean unbroken = values.get(values.size() - 1) - values.get(0) == values.size() - 1;
        if (unbroken) return "whole numbers from " + values.get(0) + " to " + values.get(values.size() - 1);
        return joined(values.stream().map(String::valueOf).toList());
    }

    /** "1", "1 and 4", "1, 4 and 7". */
    private static String joined(List<String> parts) {
        if (parts.size() == 1) return parts.get(0);
        return parts.subList(0, parts.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + parts.get(parts.size() - 1);
    }

    private static String shortened(String text) {
        return "“" + (text.length() > 60 ? text.substring(0, 59).strip() + "…" : text) + "”";
    }
}

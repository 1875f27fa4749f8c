package org.rapport.measures;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An instrument as data: its questions, the answers they offer, and how the answers are scored
 * and read.
 *
 * <p>The shape follows FHIR R4 Questionnaire closely enough that export is a mapping: the key and
 * version make the canonical URL and {@code version}, the name the {@code title}, the licence and
 * attribution the {@code copyright}, the LOINC panel code the {@code code}, each item a
 * {@code choice} item with its {@code linkId}, {@code text}, {@code code} and answer options (the
 * option value as the SDC {@code ordinalValue}). Scoring, bands and cut-off have no core FHIR
 * element and travel as SDC extensions or stay on the Rapport side.
 *
 * <p>Only validated instruments may be presented as measures of anything; Rapport's own check-in
 * is not one, and {@link #label()} says so wherever it is shown.
 */
public record InstrumentDefinition(
        String key,
        String name,
        @Nullable String shortName,
        String version,
        String description,
        String recallPeriod,
        String introduction,
        boolean validated,
        String licence,
        String attribution,
        @Nullable String loincPanel,
        @Nullable String loincTotal,
        List<AnswerSet> answerSets,
        List<Item> items,
        Scoring scoring) {

    /** Added to the name of an instrument that has not been validated, wherever it is shown. */
    public static final String NOT_VALIDATED = "not a validated instrument";

    public InstrumentDefinition {
        if (key.isBlank()) throw new IllegalArgumentException("An instrument needs a key");
        if (name.isBlank()) throw new IllegalArgumentException("Instrument " + key + " needs a name");
        if (shortName != null && shortName.isBlank()) shortName = null;
        if (licence.isBlank() || attribution.isBlank())
            throw new IllegalArgumentException("Instrument " + key + " needs its licence and attribution");
        answerSets = List.copyOf(answerSets);
        items = List.copyOf(items);
        if (items.isEmpty()) throw new IllegalArgumentException("Instrument " + key + " needs at least one item");
        var setKeys = new HashSet<String>();
        for (var set : answerSets) {
            if (!setKeys.add(set.key()))
                throw new IllegalArgumentException("Instrument " + key + " has two answer sets called " + set.key());
        }
        var linkIds = new HashSet<String>();
        for (var item : items) {
            if (!linkIds.add(item.linkId()))
                throw new IllegalArgumentException("Instrument " + key + " uses the link id " + item.linkId() + " twice");
            if (!setKeys.contains(item.answerSet()))
                throw new IllegalArgumentException(
                        "Item " + item.linkId() + " of " + key + " refers to a missing answer set " + item.answerSet());
        }
        if (scoring.maxMissing() >= items.size())
            throw new IllegalArgumentException("Instrument " + key + " must need at least one answered item");
    }

    /** The name as shown to people: for an instrument that is not validated, the name says so. */
    public String label() {
        if (validated || name.contains(NOT_VALIDATED)) return name;
        return name + " (" + NOT_VALIDATED + ")";
    }

    /**
     * The name used wherever an instrument is named briefly (the plan in one line, an alert's
     * reason, the timeline): its {@code short-name}, such as "PHQ-9", or else its key in capitals.
     */
    public String briefName() {
        return shortName != null ? shortName : key.toUpperCase(java.util.Locale.UK);
    }

    public Optional<Item> item(String linkId) {
        return items.stream().filter(item -> item.linkId().equals(linkId)).findFirst();
    }

    public AnswerSet answerSet(String setKey) {
        return answerSets.stream()
                .filter(set -> set.key().equals(setKey))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Instrument " + key + " has no answer set " + setKey));
    }

    /** The answers an item offers. */
    public List<AnswerOption> optionsFor(Item item) {
        return answerSet(item.answerSet()).options();
    }

    /** The risk items, such as PHQ-9 item 9. */
    public List<Item> riskItems() {
        return items.stream().filter(Item::risk).toList();
    }

    /** The lowest total the instrument can give. */
    public double lowestTotal() {
        return extremeTotal(false);
    }

    /** The highest total the instrument can give. */
    public double highestTotal() {
        return extremeTotal(true);
    }

    private double extremeTotal(boolean highest) {
        double sum = 0;
        for (var item : items) {
            var set = answerSet(item.answerSet());
            sum += highest ? set.highest() : set.lowest(); // reversing swaps an item's ends but not its range
        }
        return scoring.method() == Scoring.Method.MEAN_TIMES_10 ? 10 * sum / items.size() : sum;
    }

    /**
     * Scores one set of answers, keyed by link id; an item left out (or mapped to null) is
     * unanswered.
     *
     * @throws InvalidAnswers for an answer the item does not offer, an item the instrument does not
     *     have, or more unanswered items than the instrument allows
     */
    public Score score(Map<String, Integer> answers) {
        return new Scorer(this).score(answers);
    }
}

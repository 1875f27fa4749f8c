package org.rapport.measures.outcomes;

/**
 * The answer to one risk item, such as PHQ-9 item 9 or CORE-10's risk item: which item (an
 * identifier like "PHQ-9 item 9", not its wording) and the answer's value, 0 for "not at all".
 */
public record RiskItemAnswer(String item, int value) {

    public RiskItemAnswer {
        if (item == null || item.isBlank()) throw new IllegalArgumentException("A risk answer needs its item.");
        if (value < 0) throw new IllegalArgumentException("A risk item's answer starts at 0; " + value + " is below it.");
    }
}

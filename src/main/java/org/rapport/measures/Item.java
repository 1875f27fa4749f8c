package org.rapport.measures;

import org.jspecify.annotations.Nullable;

/**
 * One scored question of an instrument.
 *
 * <p>The link id names the question in stored answers, as FHIR's {@code item.linkId} does; the
 * answer set is referred to by its key. A reverse-keyed item is reversed before it is added up
 * (its lowest and highest answers swap places). A risk item raises a flag whenever it is answered
 * above its lowest answer, whatever the total.
 */
public record Item(String linkId, String text, String answerSet, boolean reverseKeyed, boolean risk,
        @Nullable String loinc) {

    public Item {
        if (linkId.isBlank()) throw new IllegalArgumentException("An item needs a link id");
        if (text.isBlank()) throw new IllegalArgumentException("Item " + linkId + " needs its text");
        if (answerSet.isBlank()) throw new IllegalArgumentException("Item " + linkId + " needs an answer set");
    }
}

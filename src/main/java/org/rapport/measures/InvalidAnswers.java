package org.rapport.measures;

import org.rapport.shared.RuleBroken;

/**
 * Refuses a set of answers that cannot be scored: an answer an item does not offer, an item the
 * instrument does not have, or more questions left unanswered than the instrument allows. The
 * message names the question, in words a helper or client can act on.
 */
public class InvalidAnswers extends RuleBroken {

    private static final long serialVersionUID = 1L;

    public InvalidAnswers(String message) {
        super(message);
    }
}

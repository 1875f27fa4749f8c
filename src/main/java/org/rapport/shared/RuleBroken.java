package org.rapport.shared;

/**
 * A request the domain refuses because it would break one of its rules (an illegal status change,
 * a phase that does not exist). The message is written for the person who asked, in plain words.
 */
public class RuleBroken extends RuntimeException {

    public RuleBroken(String message) {
        super(message);
    }
}

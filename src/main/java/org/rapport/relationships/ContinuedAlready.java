package org.rapport.relationships;

import org.rapport.shared.RuleBroken;

/**
 * The earlier work already continues in an open relationship: found by the check before a
 * continuing referral, or by the database when another request opened one at the same moment (the
 * transaction is then spoilt, and a caller may try once more in a new one).
 */
public class ContinuedAlready extends RuleBroken {

    private static final long serialVersionUID = 1L;

    public ContinuedAlready() {
        super("The earlier work already continues in an open relationship.");
    }
}

package org.rapport.accounts;

import org.rapport.shared.RuleBroken;

/** A password change refused, naming the field at fault so a form can say so beside it. */
public class PasswordNotChanged extends RuleBroken {

    /** Which of the two passwords the person typed is at fault. */
    public enum Field { CURRENT, REPLACEMENT }

    private final Field field;

    PasswordNotChanged(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}

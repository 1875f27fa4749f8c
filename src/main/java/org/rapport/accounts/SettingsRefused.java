package org.rapport.accounts;

import org.rapport.shared.RuleBroken;

/** An organisation setting that cannot be kept as given; names the setting, so a form shows the message beside it. */
public class SettingsRefused extends RuleBroken {

    private final String setting;

    SettingsRefused(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}

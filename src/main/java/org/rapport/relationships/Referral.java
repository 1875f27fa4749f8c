package org.rapport.relationships;

import java.time.LocalDate;
import org.rapport.shared.FreeText;
import org.rapport.shared.RuleBroken;

/** How the relationship began: who referred, why in their own words, when, and how urgently. */
public record Referral(String source, String reasonInReferrersWords, LocalDate referredOn, Urgency urgency) {

    public Referral {
        source = FreeText.required(source, "Who made the referral", 200);
        reasonInReferrersWords = FreeText.required(reasonInReferrersWords, "The reason for the referral", 4000);
        if (referredOn == null) throw new RuleBroken("The referral needs the date it was made.");
        if (urgency == null) throw new RuleBroken("The referral needs an urgency.");
    }
}

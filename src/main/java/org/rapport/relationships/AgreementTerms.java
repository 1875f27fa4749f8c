package org.rapport.relationships;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.rapport.shared.FreeText;
import org.rapport.shared.RuleBroken;

/**
 * What the helper and client agree about their work together: its purpose in the client's own
 * words, how often and how long they meet and in what way, who does what, what stays confidential
 * and where that ends, when they will look at the agreement again, and how the work will end.
 */
public record AgreementTerms(String purposeInClientsWords, String frequency, int sessionLengthMinutes,
        Set<MeetingMode> meetingModes, String rolesAndResponsibilities, String confidentiality, LocalDate reviewOn,
        String endingPlan) {

    public AgreementTerms {
        purposeInClientsWords = FreeText.required(purposeInClientsWords, "The purpose, in the client's words,", 2000);
        frequency = FreeText.required(frequency, "How often you meet", 200);
        if (sessionLengthMinutes < 5 || sessionLengthMinutes > 480) {
            throw new RuleBroken("A meeting lasts between 5 and 480 minutes.");
        }
        if (meetingModes == null || meetingModes.isEmpty()) {
            throw new RuleBroken("Choose at least one way of meeting (in person, video or phone).");
        }
        meetingModes = Set.copyOf(EnumSet.copyOf(meetingModes));
        rolesAndResponsibilities = FreeText.required(rolesAndResponsibilities, "Roles and responsibilities", 4000);
        confidentiality = FreeText.required(confidentiality, "Confidentiality and its limits", 4000);
        if (reviewOn == null) throw new RuleBroken("The agreement needs a review date.");
        endingPlan = FreeText.required(endingPlan, "How the relationship will end", 2000);
    }

    /** The modes in their natural order, for display. */
    public java.util.List<MeetingMode> modesInOrder() {
        return EnumSet.copyOf(meetingModes).stream().toList();
    }
}

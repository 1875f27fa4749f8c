package org.rapport.followups;

import java.util.List;
import java.util.Map;
import org.rapport.relationships.CaseloadSection;
import org.springframework.stereotype.Component;

/** The caseload's list of follow-ups that have fallen due for the helper signed in. */
@Component
class DueFollowUpsSection implements CaseloadSection {

    private final FollowUpManagement followUps;

    DueFollowUpsSection(FollowUpManagement followUps) {
        this.followUps = followUps;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "followups/caseload";
    }

    @Override
    public Map<String, Object> data() {
        List<DueFollowUp> due = followUps.dueForMe();
        return due.isEmpty() ? Map.of() : Map.of("due", due);
    }
}

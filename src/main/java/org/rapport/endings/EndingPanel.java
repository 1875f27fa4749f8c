package org.rapport.endings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.sessions.SessionManagement;
import org.springframework.stereotype.Component;

/**
 * The Ending panel on the relationship page: in the ending phase, the way to the ending workspace
 * and the parts still to do; for work under way, a prompt when it has lapsed and the form to close
 * it unplanned (a client who says they are stopping); once closed, how it closed and the letter.
 */
@Component
class EndingPanel implements RelationshipPanel {

    private final Endings endings;
    private final SessionManagement sessions;
    private final EndingManagement management;
    private final LapsedPolicy lapsed;
    private final Clock clock;

    EndingPanel(Endings endings, SessionManagement sessions, EndingManagement management, LapsedPolicy lapsed, Clock clock) {
        this.endings = endings;
        this.sessions = sessions;
        this.management = management;
        this.lapsed = lapsed;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 9;
    }

    @Override
    public String template() {
        return "endings/panel";
    }

    @Override
    public Map<String, Object> data(RelationshipInfo relationship) {
        Map<String, Object> data = new HashMap<>();
        var ending = endings.find(relationship.id().value());
        LocalDate lastAttended = sessions.lastAttended(List.of(relationship.id())).get(relationship.id());
        LocalDate today = LocalDate.now(clock);
        boolean underWay = relationship.status().endsThroughTheEnding();
        data.put("relationship", relationship.id().value());
        data.put("relationshipVersion", relationship.version());
        data.put("inEnding", relationship.status() == RelationshipStatus.ENDING);
        data.put("begun", ending.isPresent());
        data.put("missing", ending.map(Ending::missingParts).orElse(Arrays.asList(EndingPart.values())));
        data.put("closed", ending.filter(Ending::isClosed).map(e -> e.closing()).orElse(null));
        data.put("closedPlanned", ending.filter(Ending::isClosed).map(e -> e.closing().kind() == Ending.Kind.PLANNED).orElse(false));
        data.put("closedLabel", ending.filter(Ending::isClosed).map(e -> e.closing().kind() == Ending.Kind.PLANNED
                ? EndingReason.ofCode(e.closing().reason()).map(EndingReason::label).orElse("")
                : UnplannedReason.ofCode(e.closing().reason()).map(UnplannedReason::label).orElse("")).orElse(""));
        data.put("mayClose", relationship.mayChange() && underWay);
        data.put("mayStop", relationship.mayChange() && (relationship.status() == RelationshipStatus.ACTIVE
                || relationship.status() == RelationshipStatus.PAUSED));
        data.put("lapsedWeeks", underWay && lapsed.isLapsed(lastAttended, today)
                ? ChronoUnit.WEEKS.between(lastAttended, today) : null);
        data.put("unplannedReasons", Arrays.asList(UnplannedReason.values()));
        data.put("suggestedDates", management.suggestedDates(lastAttended));
        data.put("instruments", management.instrumentChoices());
        data.put("defaultMeasure", underWay && relationship.mayChange() ? management.followUpMeasure(relationship.id())
                : EndingManagement.DEFAULT_FOLLOW_UP_MEASURE);
        data.put("today", today);
        return data;
    }
}

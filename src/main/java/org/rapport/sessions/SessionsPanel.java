package org.rapport.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.rapport.people.PeopleDirectory;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sessions section of the relationship page: what is coming up, what happened lately. */
@Component
class SessionsPanel implements RelationshipPanel {

    static final int RECENT = 5;

    private final Sessions sessions;
    private final PeopleDirectory directory;
    private final Clock clock;

    SessionsPanel(Sessions sessions, PeopleDirectory directory, Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "sessions/panel";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Object> data(RelationshipInfo relationship) {
        LocalDate today = LocalDate.now(clock);
        List<Session> stored = sessions.ofRelationship(relationship.id());
        List<SessionInfo> all = stored.stream().map(s -> s.info(relationship.mayChange())).toList();
        List<SessionInfo> upcoming = all.stream()
                .filter(s -> s.outcome() == SessionOutcome.SCHEDULED && !s.on().isBefore(today))
                .sorted(java.util.Comparator.comparing(SessionInfo::on).thenComparing(SessionInfo::at)).toList();
        List<SessionInfo> recent = all.stream().filter(s -> !upcoming.contains(s)).limit(RECENT).toList();
        return Map.of("relationshipId", relationship.id().value(), "upcoming", upcoming, "recent", recent,
                "total", all.size(), "mayChange", relationship.mayChange(), "mayAdd",
                relationship.mayChange() && relationship.isOpen(), "continuity",
                SessionManagement.continuity(relationship, stored, directory));
    }
}

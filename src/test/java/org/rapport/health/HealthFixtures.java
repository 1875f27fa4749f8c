package org.rapport.health;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rapport.accounts.AccountManagement;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation;

/**
 * An organisation of its own for each test (see {@link TestOrganisation}) and a relationship with a
 * few weeks of work in it: sessions held, missed and cancelled, a goal rated twice, two PHQ-9s and
 * two check-ins. Every name is invented.
 */
final class HealthFixtures extends TestOrganisation {

    static final String MODEL = "five-stage";
    static final LevelDescriptions SLEEP_LEVELS = new LevelDescriptions("Not sleeping at all", "Sleeping two nights a week",
            "Sleeping four nights a week", "Sleeping five nights a week", "Sleeping every night");

    /** PHQ-9 answers totalling 20 and then 12, item 9 (the risk item) at zero. */
    static final Map<String, Integer> PHQ_9_AT_20 = answers(3, 3, 3, 3, 2, 2, 2, 2, 0);
    static final Map<String, Integer> PHQ_9_AT_12 = answers(2, 2, 2, 2, 1, 1, 1, 1, 0);
    static final Map<String, Integer> CHECK_IN_AT_40 = Map.of("empathy", 8, "regard", 8, "congruence", 8, "goal", 8, "task", 8);
    static final Map<String, Integer> CHECK_IN_AT_47 = Map.of("empathy", 10, "regard", 10, "congruence", 9, "goal", 9, "task", 9);

    HealthFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    static NewReferral aReferral(String clientName, Staff lead, LocalDate referredOn) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, Urgency.SOON),
                lead.helper(), null, List.of(), MODEL, null);
    }

    /**
     * Four weeks of work as this helper: held three weeks ago (goal rated −1, PHQ-9 20, check-in 40),
     * missed two weeks ago, cancelled by the client ten days ago, held a week ago (goal rated +1,
     * PHQ-9 12, check-in 47), and one session still ahead.
     */
    void fourWeeksOfWork(Staff helper, RelationshipId relationship, LocalDate today, SessionManagement sessions,
            GoalManagement goals, MeasureManagement measures) {
        run(helper, () -> {
            GoalId sleep = goals.setGoal(relationship, new NewGoal(null, null, "I want to sleep through the night",
                    SLEEP_LEVELS, new AttainmentLevel(-1), null, null, today.minusDays(28), null));
            SessionId first = sessions.recordUnscheduled(relationship, at(today.minusDays(21)), held(SessionOutcome.ATTENDED));
            goals.rateInSession(first, Map.of(sleep, -1));
            measures.enterInSession(relationship, "phq-9", PHQ_9_AT_20, first);
            measures.enterInSession(relationship, "rapport-check-in", CHECK_IN_AT_40, first);
            sessions.recordUnscheduled(relationship, at(today.minusDays(14)), held(SessionOutcome.DID_NOT_ATTEND));
            sessions.recordUnscheduled(relationship, at(today.minusDays(10)), held(SessionOutcome.CANCELLED_BY_CLIENT));
            SessionId fourth = sessions.recordUnscheduled(relationship, at(today.minusDays(7)), held(SessionOutcome.ATTENDED));
            goals.rateInSession(fourth, Map.of(sleep, 1));
            measures.enterInSession(relationship, "phq-9", PHQ_9_AT_12, fourth);
            measures.enterInSession(relationship, "rapport-check-in", CHECK_IN_AT_47, fourth);
            sessions.schedule(relationship, at(today.plusDays(7)));
        });
    }

    static NewSession at(LocalDate day) {
        return new NewSession(day, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2");
    }

    static SessionRecord held(SessionOutcome outcome) {
        return new SessionRecord(outcome, Map.of(), Set.of());
    }

    private static Map<String, Integer> answers(int... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) answers.put(String.valueOf(i + 1), values[i]);
        return answers;
    }
}

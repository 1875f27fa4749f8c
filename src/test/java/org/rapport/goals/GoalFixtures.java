package org.rapport.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.Urgency;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;

/**
 * An organisation of its own for each test, the staff who work in it, and a way to act as one of
 * them. Names are invented; sign-in names carry a random tail because they are unique across all
 * organisations and every test shares the database.
 */
final class GoalFixtures extends TestOrganisation {

    GoalFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    static final LevelDescriptions SLEEP_LEVELS = new LevelDescriptions("Not sleeping at all", "Sleeping two nights a week",
            "Sleeping four nights a week", "Sleeping five nights a week", "Sleeping every night");
    static final LevelDescriptions WALK_LEVELS = new LevelDescriptions("Not leaving the house", "A walk once a week",
            "A walk three times a week", "A walk most days", "A walk every day");

    /** A goal in the client's words with all five levels described, set on the day given. */
    static NewGoal aGoal(String statement, LevelDescriptions levels, LocalDate setOn, @Nullable Integer importance,
            @Nullable Integer difficulty) {
        return new NewGoal(null, null, statement, levels, new AttainmentLevel(-1), importance, difficulty, setOn, null);
    }

    static NewReferral aReferral(String clientName, Staff lead, String modelKey, Urgency urgency, LocalDate referredOn,
            @Nullable UUID submissionId, Staff... others) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, urgency),
                lead.helper(), null, java.util.Arrays.stream(others).map(Staff::helper).toList(), modelKey,
                submissionId);
    }
}

package org.rapport.followups;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.endings.RelationshipClosed;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An organisation of its own for each follow-ups test, its referrals, and closing a relationship with follow-ups. */
final class FollowUpFixtures extends TestOrganisation {

    static final String MODEL = "five-stage";

    private final RelationshipManagement relationships;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    FollowUpFixtures(AccountManagement accounts, PeopleManagement people, RelationshipManagement relationships,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, String organisationName) {
        super(accounts, people, organisationName);
        this.relationships = relationships;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    static NewReferral aReferral(String clientName, Staff lead, LocalDate referredOn) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, Urgency.ROUTINE),
                lead.helper(), null, List.of(), MODEL, null);
    }

    /**
     * Closes the relationship as its helper and schedules its follow-ups, in one transaction: the work
     * moves on to its ending and ends, and {@link RelationshipClosed} is published as the endings
     * module publishes it when it closes a relationship.
     */
    void closeWithFollowUps(Staff helper, RelationshipId relationship, LocalDate endedOn, List<LocalDate> followUpDates,
            @Nullable String instrumentKey) {
        run(helper, () -> transaction.executeWithoutResult(status -> {
            int version = relationships.overview(relationship).version();
            RelationshipStatus now = relationships.describe(relationship).status();
            if (now == RelationshipStatus.REFERRED || now == RelationshipStatus.WAITLISTED)
                version = relationships.changeStatus(relationship, version, RelationshipStatus.ACTIVE, "Work begins");
            if (relationships.describe(relationship).status() != RelationshipStatus.ENDING)
                version = relationships.changeStatus(relationship, version, RelationshipStatus.ENDING, "Goals met");
            relationships.end(relationship, version, endedOn, true, "goals-met");
            RelationshipInfo info = relationships.describe(relationship);
            events.publishEvent(new RelationshipClosed(relationship, info.clientPartyId(), info.leadHelperId(), endedOn,
                    endedOn, true, "goals-met", followUpDates, instrumentKey));
        }));
    }

    /** PHQ-9 answers: items 1 to 9 all with this value. */
    static Map<String, Integer> phq9All(int value) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 9; i++) answers.put(String.valueOf(i), value);
        return answers;
    }
}

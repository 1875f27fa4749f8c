package org.rapport.endings;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.Urgency;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;

/** An organisation of its own for each test (see {@link TestOrganisation}), and the parts of an ending tests write. */
final class EndingFixtures extends TestOrganisation {

    static final String MODEL = "five-stage";
    static final String GAINS = "Sleeping most nights again and back at the allotment on Saturdays.";
    static final String CLIENT_WORDS = "Writing the worries down before bed, and being listened to without hurry.";
    static final String EXPLANATION = "We agreed twelve sessions at the start and this is the twelfth; the goals are met.";
    static final String WARNING_SIGNS = "Lying awake past two, skipping the allotment, not answering my sister.";
    static final String WHAT_HELPS = "The worry list, a walk before tea, the Saturday plot.";
    static final String PEOPLE = "My sister Vera; the GP at Brook Lane.";
    static final String CRISIS = "Ring the Brook Lane duty line, or 111 and choose the mental health option.";

    EndingFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    static NewReferral aReferral(String clientName, Staff lead, LocalDate referredOn) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, Urgency.ROUTINE),
                lead.helper(), null, List.of(), MODEL, null);
    }

    static Gains gains(boolean done) {
        return new Gains(GAINS, CLIENT_WORDS, done);
    }

    static WhyItEnds why(boolean done) {
        return new WhyItEnds("agreed-sessions-reached", EXPLANATION, done);
    }

    static Confidence confidence(boolean done) {
        return new Confidence(WARNING_SIGNS, WHAT_HELPS, PEOPLE, CRISIS, done);
    }

    static OpenDoor door(List<LocalDate> dates, boolean done) {
        return new OpenDoor(dates, "phq-9", null, done);
    }

    /** PHQ-9 answers: items 1 to 9 with these values. */
    static Map<String, Integer> phq9(int... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) answers.put(String.valueOf(i + 1), values[i]);
        return answers;
    }
}

package org.rapport.measures;

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

/** An organisation of its own for each test (see {@link TestOrganisation}), the referrals measures tests start from, and answers. */
final class MeasureFixtures extends TestOrganisation {

    static final String MODEL = "five-stage";

    MeasureFixtures(AccountManagement accounts, PeopleManagement people, String organisationName) {
        super(accounts, people, organisationName);
    }

    static NewReferral aReferral(String clientName, Staff lead, LocalDate referredOn) {
        NewClientParty person = new NewClientParty(ClientPartyKind.PERSON, clientName,
                List.of(new NewClientMember(clientName, referredOn.minusMonths(1))));
        return new NewReferral(person, null,
                new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", referredOn, Urgency.ROUTINE),
                lead.helper(), null, List.of(), MODEL, null);
    }

    /** PHQ-9 answers: items 1 to 9 with these values. */
    static Map<String, Integer> phq9(int... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) answers.put(String.valueOf(i + 1), values[i]);
        return answers;
    }

    /** GAD-7 answers: items 1 to 7 with these values. */
    static Map<String, Integer> gad7(int... values) {
        return phq9(values);
    }

    /** Check-in answers: empathy, regard, congruence, goal and task, 0–10 each. */
    static Map<String, Integer> checkIn(int empathy, int regard, int congruence, int goal, int task) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("empathy", empathy);
        answers.put("regard", regard);
        answers.put("congruence", congruence);
        answers.put("goal", goal);
        answers.put("task", task);
        return answers;
    }

    /**
     * A made-up instrument in the organisation's own format: two questions answered 0 to 3, summed,
     * "Low" 0–2 and "High" 3–6, cut-off at or above 3. It measures nothing and copies no published text.
     */
    static String ownInstrument(String key) {
        return """
                key: %s
                name: Made-up wellbeing pair
                version: "1"
                recall-period: the last week
                validated: false
                licence: Written for Rapport's tests.
                attribution: Rapport test suite.
                answer-sets:
                  - key: how-often
                    options:
                      - { code: none, display: Not at all, value: 0 }
                      - { code: some, display: Some days, value: 1 }
                      - { code: most, display: Most days, value: 2 }
                      - { code: all, display: Every day, value: 3 }
                items:
                  - { link-id: a, text: I have slept badly., answers: how-often }
                  - { link-id: b, text: I have felt on edge., answers: how-often }
                scoring:
                  method: sum
                  higher-is: worse
                  max-missing: 0
                  bands:
                    - { from: 0, to: 2, label: Low }
                    - { from: 3, to: 6, label: High }
                  cut-off:
                    value: 3
                    rule: at-or-above
                    meaning: A made-up cut-off for tests.
                """.formatted(key);
    }
}

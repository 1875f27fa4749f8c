package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.endings.BeforeClosing;
import org.rapport.endings.ClosedEnding;
import org.rapport.endings.Confidence;
import org.rapport.endings.EndingLetter;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.EndingWorkspace;
import org.rapport.endings.Gains;
import org.rapport.endings.GainsFacts;
import org.rapport.endings.OpenDoor;
import org.rapport.endings.WhyItEnds;
import org.rapport.followups.DueFollowUp;
import org.rapport.followups.FollowUpForm;
import org.rapport.followups.FollowUpManagement;
import org.rapport.followups.FollowUpStatus;
import org.rapport.followups.FollowUpView;
import org.rapport.followups.ReconnectView;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.recording.QuickRecord;
import org.rapport.recording.SessionRecording;
import org.rapport.relationships.AcceptanceMethod;
import org.rapport.relationships.AgreementTerms;
import org.rapport.relationships.CaseloadEntry;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionOutcome;
import org.rapport.shared.RuleBroken;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole life of one helping relationship, told in order through the modules' public APIs on
 * PostgreSQL: Noor Halloway is referred to Ash Marlow, agrees the work, sets two goals, meets four
 * times while the PHQ-9 falls from moderately severe to minimal, enters the ending, and the four
 * parts are written and the work closed as planned. The letter carries what was agreed. A month
 * after the last session (the clock moved on) the follow-up falls due; Noor answers it and asks to
 * come back, and a new relationship opens with Ash that continues the first.
 *
 * <p>The clock goes back fourteen weeks to the referral and moves on with the story, so that each
 * session is recorded, and each score entered, on its own day; it is put back afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TravellingClock.Configuration.class)
class LifecycleStoryTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static final String GAINS = "You sleep through most nights again and you are back at the allotment on Saturdays.";
    static final String CLIENT_WORDS = "Writing the worries down before bed, and being listened to without hurry.";
    static final String EXPLANATION = "We agreed eight sessions at the start and you have reached the goals you set.";
    static final String WARNING_SIGNS = "Lying awake past two, skipping the allotment, not answering my sister.";
    static final String WHAT_HELPS = "The worry list, a walk before tea, the Saturday plot.";
    static final String PEOPLE = "My sister Vera, and the GP at Brook Lane.";
    static final String CRISIS = "Ring the Brook Lane duty line, or 111 and choose the mental health option.";
    static final String COMING_BACK = "The winter has been hard again and I would like to talk with Ash.";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired GoalManagement goals;
    @Autowired SessionRecording recording;
    @Autowired MeasureManagement measures;
    @Autowired EndingManagement endings;
    @Autowired FollowUpManagement followUps;
    @Autowired TravellingClock clock;
    @Autowired MockMvc mvc;

    TestOrganisation service;
    Staff ash;
    LocalDate start;
    RelationshipId noor;
    GoalId sleep;
    GoalId allotment;
    LocalDate lastSession;
    ClosedEnding closed;
    RelationshipId noorAgain;

    @AfterEach
    void backToTheRealTimeAndSignedOut() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRelationshipFromReferralToTheClientComingBack() throws Exception {
        clock.reset();
        start = today().minusWeeks(14);
        clock.travelTo(start);
        service = new TestOrganisation(accounts, people, "Brook Lane Talking Service");
        ash = service.aHelper("Ash Marlow");

        referral();
        agreementAccepted();
        goalsSet();
        sessionsWithMeasures();
        endingPhaseEntered();
        plannedEndingInFourParts();
        letter();
        oneMonthLater();
        clientAsksToComeBack();
        theNewRelationshipContinuesTheFirst();
        thePagesReadAsTheStory();
    }

    // --- chapters -------------------------------------------------------------------------------------

    private void referral() {
        noor = as(() -> relationships.refer(new NewReferral(
                new NewClientParty(ClientPartyKind.PERSON, "Noor Halloway", List.of(new NewClientMember("Noor Halloway", start))),
                null, new Referral("Brook Lane surgery", "Low mood and poor sleep since the move", start, Urgency.ROUTINE),
                ash.helper(), null, List.of(), "five-stage", null)));

        RelationshipInfo info = as(() -> relationships.describe(noor));
        assertThat(info.status()).isEqualTo(RelationshipStatus.REFERRED);
        assertThat(info.leadHelperId()).isEqualTo(ash.helper().value());
        assertThat(info.referredOn()).isEqualTo(start);
    }

    private void agreementAccepted() {
        LocalDate firstMeeting = start.plusWeeks(1);
        clock.travelTo(firstMeeting);
        as(() -> relationships.changeStatus(noor, version(), RelationshipStatus.ACTIVE, "First meeting held."));
        int revision = as(() -> relationships.reviseAgreement(noor, version(), new AgreementTerms(
                "To sleep properly again and get back to the things I used to enjoy.", "Weekly", 50,
                Set.of(MeetingMode.IN_PERSON), "Ash keeps time and listens; Noor brings what matters to her.",
                "What you share stays within the service and supervision unless someone is at serious risk.",
                start.plusWeeks(8), "We will plan the last sessions together and agree follow-up check-ins."), null));
        as(() -> relationships.acceptAgreement(noor, revision, firstMeeting, AcceptanceMethod.IN_SESSION));

        RelationshipOverview overview = as(() -> relationships.overview(noor));
        assertThat(overview.status()).isEqualTo(RelationshipStatus.ACTIVE);
        assertThat(overview.agreementRevisions()).singleElement()
                .satisfies(r -> {
                    assertThat(r.acceptedOn()).isEqualTo(firstMeeting);
                    assertThat(r.acceptedHow()).isEqualTo(AcceptanceMethod.IN_SESSION);
                });
    }

    private void goalsSet() {
        moveTo("identifying-client-problems", "The concerns are named: sleep and withdrawing from the allotment.");
        moveTo("helping-clients-create-goals", "Noor is ready to say what she wants to change.");
        LocalDate setOn = start.plusWeeks(2);
        clock.travelTo(setOn);
        // Weights are importance × difficulty: sleep 3 × 2 = 6, the allotment 2 × 1 = 2.
        sleep = as(() -> goals.setGoal(noor, new NewGoal(null, "Poor sleep since the move", "Sleep through most nights",
                new LevelDescriptions("Awake most of every night", "Sleeping through one night a week",
                        "Sleeping through three nights a week", "Sleeping through five nights a week", "Sleeping well every night"),
                new AttainmentLevel(-2), 3, 2, setOn, null)));
        allotment = as(() -> goals.setGoal(noor, new NewGoal(null, "Withdrawing from what I enjoy", "Back at the allotment",
                new LevelDescriptions("Not been since the move", "Been once", "Once a fortnight", "Every Saturday",
                        "Every Saturday and one evening"), new AttainmentLevel(-1), 2, 1, setOn, null)));

        assertThat(as(() -> goals.goalsOf(noor)).goals()).hasSize(2);
    }

    private void sessionsWithMeasures() {
        moveTo("encouraging-exploration-and-action", "The goals are set; Noor wants to try changes.");
        // PHQ-9 totals 18 (moderately severe), 11 (moderate), 4 (minimal); item 9 stays at 0.
        SessionId first = session(start.plusWeeks(2), Map.of(sleep, -2, allotment, -1));
        as(() -> measures.enterInSession(noor, "phq-9", phq9(2, 2, 2, 2, 2, 2, 3, 3, 0), first));
        SessionId second = session(start.plusWeeks(6), Map.of(sleep, -1, allotment, 0));
        as(() -> measures.enterInSession(noor, "phq-9", phq9(2, 2, 1, 1, 1, 1, 2, 1, 0), second));
        session(start.plusWeeks(9), Map.of(sleep, 0, allotment, 1));
        lastSession = start.plusWeeks(12);
        SessionId last = session(lastSession, Map.of(sleep, 1, allotment, 2));
        as(() -> measures.enterInSession(noor, "phq-9", phq9(1, 1, 1, 1, 0, 0, 0, 0, 0), last));

        assertThat(as(() -> measures.scoresOf(noor))).singleElement()
                .satisfies(phq9 -> assertThat(phq9.scores()).hasSize(3));
    }

    private void endingPhaseEntered() {
        clock.travelTo(lastSession);
        moveTo("termination-and-ending", "Eight sessions agreed; the goals are met. We plan the ending.");

        assertThat(as(() -> relationships.describe(noor)).status())
                .as("entering the ending phase starts the ending").isEqualTo(RelationshipStatus.ENDING);
    }

    private void plannedEndingInFourParts() {
        // The four parts are written in the last session; the work closes a week later.
        EndingWorkspace workspace = as(() -> endings.workspace(noor));
        assertThat(workspace.inEndingPhase()).isTrue();
        assertThat(workspace.missingParts()).hasSize(4);
        gainsAssembledFromTheRecord(workspace.facts());
        // The open door defaults to one, three and six months after the last session.
        List<LocalDate> followUpDates = List.of(lastSession.plusMonths(1), lastSession.plusMonths(3), lastSession.plusMonths(6));
        assertThat(workspace.suggestedDates()).containsExactlyElementsOf(followUpDates);

        int version = as(() -> endings.saveGains(noor, workspace.version(), new Gains(GAINS, CLIENT_WORDS, true)));
        version = as(() -> endings.saveWhyItEnds(noor, versionNow(), new WhyItEnds("goals-met", EXPLANATION, true)));
        version = as(() -> endings.saveConfidence(noor, versionNow(), new Confidence(WARNING_SIGNS, WHAT_HELPS, PEOPLE, CRISIS, true)));
        int ready = as(() -> endings.saveOpenDoor(noor, versionNow(), new OpenDoor(followUpDates, "phq-9", null, true)));
        assertThat(ready).isEqualTo(version + 1);
        EndingWorkspace written = as(() -> endings.workspace(noor));
        assertThat(written.readyToClose()).isTrue();
        // Both goals are still active: they are settled before the work closes as "goals met".
        assertThat(written.beforeClosing().goals()).extracting(BeforeClosing.GoalToSettle::statement)
                .containsExactly("Sleep through most nights", "Back at the allotment");
        service.run(ash, () -> written.beforeClosing().goals().forEach(goal ->
                endings.settleGoal(noor, goal.goal(), goal.version(), GoalStatus.ACHIEVED)));
        assertThat(as(() -> endings.workspace(noor)).beforeClosing().isClear()).isTrue();

        clock.travelTo(lastSession.plusWeeks(1));
        closed = as(() -> endings.closePlanned(noor, ready, null));

        assertThat(closed.planned()).isTrue();
        assertThat(closed.endedOn()).isEqualTo(lastSession.plusWeeks(1));
        assertThat(closed.reason()).isEqualTo("goals-met");
        assertThat(closed.followUpDates()).containsExactlyElementsOf(followUpDates);
        assertThat(closed.reconnectPath()).startsWith("/reconnect/");
        assertThat(as(() -> relationships.describe(noor)).status()).isEqualTo(RelationshipStatus.ENDED);
        assertThat(as(() -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .as("out of the active caseload").doesNotContain(noor);
        assertThat(as(() -> followUps.followUpsOf(noor))).extracting(FollowUpView::dueOn, FollowUpView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(followUpDates.get(0), FollowUpStatus.SCHEDULED),
                        org.assertj.core.groups.Tuple.tuple(followUpDates.get(1), FollowUpStatus.SCHEDULED),
                        org.assertj.core.groups.Tuple.tuple(followUpDates.get(2), FollowUpStatus.SCHEDULED));
    }

    private void gainsAssembledFromTheRecord(GainsFacts facts) {
        assertThat(facts.goals()).extracting(GainsFacts.GoalGain::statement, GainsFacts.GoalGain::firstLevel,
                GainsFacts.GoalGain::latestLevel).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Sleep through most nights", "−2", "+1"),
                        org.assertj.core.groups.Tuple.tuple("Back at the allotment", "−1", "+2"));
        // T = 50 + 10 Σwx / √((1 − ρ) Σw² + ρ (Σw)²), ρ = 0.3, w = 6 and 2:
        // √(0.7 × 40 + 0.3 × 64) = √47.2 = 6.8702.
        // First session: Σwx = 6 × −2 + 2 × −1 = −14 → 50 − 140 / 6.8702 = 50 − 20.378 = 29.6.
        // Last session:  Σwx = 6 × 1 + 2 × 2 = 10 → 50 + 100 / 6.8702 = 50 + 14.556 = 64.6.
        assertThat(facts.firstTScore()).isEqualTo("29.6");
        assertThat(facts.latestTScore()).isEqualTo("64.6");
        // PHQ-9 18 → 4: a fall of 14 is more than the reliable change of 6 (reliable improvement), and it
        // starts at or above the caseness cut-off of 10 and ends below it (recovered).
        assertThat(facts.measures()).singleElement().satisfies(phq9 -> {
            assertThat(phq9.firstScore()).isEqualTo("18");
            assertThat(phq9.firstBand()).isEqualTo("Moderately severe");
            assertThat(phq9.lastScore()).isEqualTo("4");
            assertThat(phq9.lastBand()).isEqualTo("Minimal");
            assertThat(phq9.times()).isEqualTo(3);
            assertThat(phq9.change()).isEqualTo("Reliable improvement");
            assertThat(phq9.recovery()).isEqualTo("Recovered");
        });
        assertThat(facts.sessionsAttended()).isEqualTo(4);
        assertThat(facts.lastAttendedOn()).isEqualTo(lastSession);
        assertThat(facts.phasesTravelled()).hasSize(5)
                .startsWith("Establishing a working relationship").endsWith("Termination and ending");
    }

    private void letter() {
        EndingLetter letter = as(() -> endings.letter(noor));

        assertThat(letter.closed()).isTrue();
        assertThat(letter.clientName()).isEqualTo("Noor Halloway");
        assertThat(letter.helperName()).isEqualTo("Ash Marlow");
        assertThat(letter.gains()).isEqualTo(GAINS);
        assertThat(letter.clientWords()).isEqualTo(CLIENT_WORDS);
        assertThat(letter.explanation()).isEqualTo(EXPLANATION);
        assertThat(letter.reasonToClient()).isNotBlank();
        assertThat(letter.warningSigns()).isEqualTo(WARNING_SIGNS);
        assertThat(letter.whatHelps()).isEqualTo(WHAT_HELPS);
        assertThat(letter.peopleToContact()).isEqualTo(PEOPLE);
        assertThat(letter.crisisPlan()).isEqualTo(CRISIS);
        assertThat(letter.followUpDates()).containsExactlyElementsOf(closed.followUpDates());
        assertThat(letter.followUpMeasure()).contains("PHQ-9");
        assertThat(letter.reconnectPath()).isEqualTo(closed.reconnectPath());
    }

    private void oneMonthLater() {
        LocalDate firstFollowUp = lastSession.plusMonths(1);
        clock.travelTo(firstFollowUp.minusDays(1));
        followUps.releaseDue();
        assertThat(as(() -> followUps.dueForMe())).as("not due the day before").isEmpty();

        clock.travelTo(firstFollowUp);
        followUps.releaseDue();

        List<DueFollowUp> due = as(() -> followUps.dueForMe());
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.relationship()).isEqualTo(noor);
            assertThat(d.clientPartyName()).isEqualTo("Noor Halloway");
            assertThat(d.dueOn()).isEqualTo(firstFollowUp);
        });
        assertThat(as(() -> followUps.followUpsOf(noor))).extracting(FollowUpView::status)
                .containsExactly(FollowUpStatus.DUE, FollowUpStatus.SCHEDULED, FollowUpStatus.SCHEDULED);
    }

    private void clientAsksToComeBack() {
        FollowUpView due = as(() -> followUps.followUpsOf(noor)).get(0);
        String path = as(() -> followUps.createLink(due.id())).path();
        assertThat(path).startsWith("/f/");
        String token = path.substring("/f/".length());

        FollowUpForm form = followUps.openByLink(token);
        assertThat(form.firstName()).isEqualTo("Noor");
        assertThat(form.instrument()).isNotNull();
        assertThat(form.instrument().key()).isEqualTo("phq-9");

        // PHQ-9 total 6 (mild): 2 above the last score of 4, within the reliable change of 6, so no alert.
        Optional<RelationshipId> back = followUps.answerByLink(token, phq9(1, 1, 1, 1, 1, 1, 0, 0, 0), true, COMING_BACK);

        assertThat(back).isPresent();
        noorAgain = back.get();
        assertThat(noorAgain).isNotEqualTo(noor);
        assertThat(as(() -> followUps.followUpsOf(noor)).get(0)).satisfies(f -> {
            assertThat(f.status()).isEqualTo(FollowUpStatus.ANSWERED);
            assertThat(f.wantsContact()).isTrue();
            assertThat(f.newRelationship()).isEqualTo(noorAgain);
        });
        assertThat(as(() -> followUps.dueForMe())).isEmpty();
        assertThat(as(() -> measures.scoresOf(noor))).singleElement()
                .satisfies(phq9 -> assertThat(phq9.scores()).as("the follow-up score joins the record").hasSize(4));
    }

    private void theNewRelationshipContinuesTheFirst() {
        RelationshipInfo first = as(() -> relationships.describe(noor));
        RelationshipInfo again = as(() -> relationships.describe(noorAgain));
        assertThat(again.status()).isEqualTo(RelationshipStatus.REFERRED);
        assertThat(again.clientPartyId()).as("the same client party").isEqualTo(first.clientPartyId());
        assertThat(again.leadHelperId()).as("back to the same helper").isEqualTo(ash.helper().value());
        assertThat(again.referredOn()).isEqualTo(lastSession.plusMonths(1));

        RelationshipOverview newOverview = as(() -> relationships.overview(noorAgain));
        assertThat(newOverview.continuesFrom()).isNotNull();
        assertThat(newOverview.continuesFrom().relationship()).isEqualTo(noor);
        assertThat(newOverview.continuesFrom().on()).as("the day the first work ended").isEqualTo(closed.endedOn());
        assertThat(newOverview.continuedIn()).isNull();
        assertThat(newOverview.referral().reasonInReferrersWords()).isEqualTo(COMING_BACK);
        assertThat(newOverview.timeline()).filteredOn(e -> e.kind().equals("referral")).singleElement()
                .satisfies(e -> assertThat(e.by()).isEqualTo("The client, through their reconnect link"));

        RelationshipOverview firstOverview = as(() -> relationships.overview(noor));
        assertThat(firstOverview.continuedIn()).isNotNull();
        assertThat(firstOverview.continuedIn().relationship()).isEqualTo(noorAgain);
        assertThat(firstOverview.continuedIn().on()).as("the day of the new referral").isEqualTo(again.referredOn());
        assertThat(firstOverview.continuesFrom()).isNull();

        assertThat(as(() -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .as("the new referral is on Ash's caseload").contains(noorAgain).doesNotContain(noor);

        assertThat(as(() -> followUps.reconnectsOf(noor))).extracting(ReconnectView::via, ReconnectView::newRelationship)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ReconnectView.Via.LINK, null),
                        org.assertj.core.groups.Tuple.tuple(ReconnectView.Via.FOLLOW_UP, noorAgain));
        String letterToken = closed.reconnectPath().substring("/reconnect/".length());
        assertThatThrownBy(() -> followUps.openReconnect(letterToken))
                .as("the letter's link knows Noor has already asked").isInstanceOf(RuleBroken.class)
                .hasMessageContaining("already asked");
        assertThatThrownBy(() -> followUps.confirmReconnect(letterToken, "Again"))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already asked");
        assertThat(as(() -> relationships.caseload(false))).extracting(CaseloadEntry::id)
                .as("no second way back in was opened").containsOnlyOnce(noorAgain);
    }

    private void thePagesReadAsTheStory() throws Exception {
        String page = mvc.perform(get("/relationships/{id}/ending/letter", noor.value())
                        .with(user(accounts.loadUserByUsername(ash.username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Noor", GAINS, CLIENT_WORDS, EXPLANATION, WARNING_SIGNS, WHAT_HELPS, PEOPLE, CRISIS,
                closed.reconnectPath());
        for (LocalDate date : closed.followUpDates()) assertThat(page).contains(DAY.format(date));

        assertThat(page(noorAgain)).contains("id=\"continues-from\"", "Continues the work that ended on",
                "/relationships/" + noor.value());
        assertThat(page(noor)).contains("id=\"continued-in\"", "Continued in a new referral on",
                "/relationships/" + noorAgain.value());
    }

    private String page(RelationshipId relationship) throws Exception {
        return mvc.perform(get("/relationships/{id}", relationship.value())
                        .with(user(accounts.loadUserByUsername(ash.username()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    // --- helpers ----------------------------------------------------------------------------------------

    /** The clock moves to the session's day; the helper records it there and then. */
    private SessionId session(LocalDate on, Map<GoalId, Integer> ratings) {
        clock.travelTo(on);
        return as(() -> recording.record(noor, new QuickRecord(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2",
                SessionOutcome.ATTENDED, Map.of(), Set.of(HelpingSkill.LISTENING, HelpingSkill.REFLECTING), ratings, null,
                Map.of(), false))).session();
    }

    private void moveTo(String phase, String reason) {
        as(() -> relationships.moveToPhase(noor, version(), phase, reason));
    }

    private int version() {
        return relationships.overview(noor).version();
    }

    private int versionNow() {
        return endings.workspace(noor).version();
    }

    private LocalDate today() {
        return LocalDate.now((Clock) clock);
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return service.as(ash, work);
    }

    /** PHQ-9 answers, items 1 to 9. */
    private static Map<String, Integer> phq9(int... values) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) answers.put(String.valueOf(i + 1), values[i]);
        return answers;
    }
}

package org.rapport.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.NewAccount;
import org.rapport.accounts.Role;
import org.rapport.accounts.SecondFactorPolicy;
import org.rapport.accounts.SecondFactors;
import org.rapport.endings.ClosedEnding;
import org.rapport.endings.Confidence;
import org.rapport.endings.EndingManagement;
import org.rapport.endings.Gains;
import org.rapport.endings.OpenDoor;
import org.rapport.endings.WhyItEnds;
import org.rapport.followups.FollowUpManagement;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalStatus;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyKind;
import org.rapport.recording.QuickRecord;
import org.rapport.recording.SessionRecording;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.people.Discipline;
import org.rapport.people.HelperId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleManagement;
import org.rapport.people.TeamId;
import org.rapport.relationships.AcceptanceMethod;
import org.rapport.relationships.AgreementTerms;
import org.rapport.relationships.HandoverReason;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A fictional organisation for newcomers: helpers of several disciplines, a team, a supervisor,
 * and clients (a person, a couple, a family, a group) in relationships that follow every shipped
 * process model, at different points of their life. Every name is invented.
 */
@Component
public class DemoOrganisation {

    public static final String PASSWORD = "rapport-demo-2026";
    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin@demo", "Organisation admin"),
            new DemoLogin("sam@demo", "Counsellor and supervisor"),
            new DemoLogin("priya@demo", "Nurse"),
            new DemoLogin("jordan@demo", "Peer supporter"),
            new DemoLogin("morgan@demo", "Social worker"));

    private final AccountManagement accounts;
    private final PeopleManagement people;
    private final RelationshipManagement relationships;
    private final SessionManagement sessions;
    private final SessionRecording recording;
    private final GoalManagement goals;
    private final MeasureManagement measures;
    private final EndingManagement endings;
    private final FollowUpManagement followUps;
    private final Clock clock;
    private final SecondFactors secondFactors;

    DemoOrganisation(AccountManagement accounts, PeopleManagement people, RelationshipManagement relationships,
            SessionManagement sessions, SessionRecording recording, GoalManagement goals, MeasureManagement measures,
            EndingManagement endings, FollowUpManagement followUps, Clock clock, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.measures = measures;
        this.endings = endings;
        this.followUps = followUps;
        this.sessions = sessions;
        this.recording = recording;
        this.goals = goals;
        this.accounts = accounts;
        this.people = people;
        this.relationships = relationships;
        this.clock = clock;
    }

    public boolean isPresent() {
        try {
            accounts.loadUserByUsername("admin@demo");
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }

    /** Seeds the demo organisation unless it is already there. */
    public void seedIfAbsent() {
        if (isPresent()) return;
        OrganisationId org = accounts.openOrganisation("Northbridge Wellbeing Service (demo)");
        accounts.seedingTheDemo(() -> Tenancy.runAs(org, () -> seed(org)));
    }

    private void seed(OrganisationId org) {
        // The demo's passwords are published and its accounts shared: a second factor would lock the demo.
        secondFactors.require(SecondFactorPolicy.NOBODY);
        accounts.openAccount(new NewAccount("admin@demo", PASSWORD, "Avery Quinn", Set.of(Role.ADMIN), null));
        HelperId sam = people.addHelper(new NewHelper("Sam Okafor", Discipline.COUNSELLOR, "sam@demo", PASSWORD,
                Set.of(Role.HELPER, Role.SUPERVISOR)));
        HelperId priya = people.addHelper(new NewHelper("Priya Nair", Discipline.NURSE, "priya@demo", PASSWORD,
                Set.of(Role.HELPER)));
        HelperId jordan = people.addHelper(new NewHelper("Jordan Lee", Discipline.PEER_SUPPORTER, "jordan@demo",
                PASSWORD, Set.of(Role.HELPER)));
        HelperId morgan = people.addHelper(new NewHelper("Morgan Blake", Discipline.SOCIAL_WORKER, "morgan@demo",
                PASSWORD, Set.of(Role.HELPER)));
        people.addHelper(new NewHelper("Robin Ellis", Discipline.COACH, null, null, Set.of(Role.HELPER)));
        TeamId familyTeam = people.formTeam("Family work team", List.of(morgan, priya));
        people.linkSupervisor(sam, priya);
        people.linkSupervisor(sam, jordan);
        people.linkSupervisor(sam, morgan);

        LocalDate today = LocalDate.now(clock);
        as("sam@demo", () -> {
            RelationshipId alex = refer(person("Alex Moreno", today.minusWeeks(10)), "GP surgery",
                    "Low mood since losing their job; finding it hard to get out of bed.", today.minusWeeks(10),
                    Urgency.SOON, sam, null, "five-stage");
            start(alex);
            agree(alex, "I want to feel like myself again and start looking for work.", today.plusWeeks(2));
            moveOn(alex, "identifying-client-problems", "Concerns are clear and we have a good working rhythm.");
            moveOn(alex, "helping-clients-create-goals", "The main problems are named and agreed.");
            GoalId mornings = goal(alex, "Feeling low and stuck at home", "Be up and dressed by nine on weekdays",
                    new LevelDescriptions("In bed past noon most days", "Up by eleven most days",
                            "Up and dressed by nine most weekdays", "Up by nine every weekday",
                            "Up by eight and out for a walk"), -2, 3, 2, today.minusWeeks(7));
            GoalId work = goal(alex, "Worry about money and work", "Apply for jobs that suit me",
                    new LevelDescriptions("No applications", "Looking, not applying", "One application a week",
                            "Two applications a week", "An interview lined up"), -1, 2, 3, today.minusWeeks(7));
            SessionId alex1 = session(alex, today.minusWeeks(6), Map.of(), Map.of(mornings, -2, work, -1),
                    "Alex spoke about the weeks since the job ended.", "Low, but engaged and hopeful about the work.",
                    "Try one small morning routine; meet again in two weeks.");
            SessionId alex2 = session(alex, today.minusWeeks(4), Map.of(), Map.of(mornings, -1, work, -1),
                    "Up earlier on three days. Has looked at job sites.", "Small steps are holding.",
                    "Keep the routine; pick two jobs to apply for.");
            SessionId alex3 = session(alex, today.minusWeeks(2), Map.of(), Map.of(mornings, 0, work, 0),
                    "Dressed by nine most days; one application sent.", "Mood brighter; more energy.",
                    "Carry on; talk about confidence at interview.");
            SessionId alex4 = session(alex, today.minusWeeks(1), Map.of(), Map.of(mornings, 1, work, 0),
                    "Up by nine every weekday this week.", "Real progress on mornings.",
                    "Prepare for a possible interview.");
            sessions.schedule(alex, new NewSession(today.plusDays(3), LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON,
                    "Room 2"));
            // A PHQ-9 falling from moderately severe to mild, and check-ins that stay above their cut-off,
            // each answered in its session (so the charts are dated on the sessions).
            List<SessionId> alexSessions = List.of(alex1, alex2, alex3, alex4);
            int[][] alexPhq9 = {{2, 3, 2, 2, 2, 2, 2, 2, 0}, {2, 2, 2, 1, 2, 1, 2, 1, 0}, {1, 1, 1, 1, 1, 1, 1, 2, 0},
                    {1, 1, 1, 1, 1, 1, 1, 0, 0}};
            for (int i = 0; i < alexPhq9.length; i++) {
                measures.enterInSession(alex, "phq-9", answers(alexPhq9[i]), alexSessions.get(i));
            }
            int[] ratings = {9, 9, 10};
            for (int i = 0; i < ratings.length; i++) {
                int rating = ratings[i];
                measures.enterInSession(alex, "rapport-check-in", Map.of("empathy", rating, "regard", 10,
                        "congruence", rating, "goal", 9, "task", rating), alexSessions.get(i + 1));
            }
            RelationshipId dana = refer(person("Dana Whitfield", today.minusWeeks(16)), "Self-referral",
                    "Anxiety about returning to university.", today.minusWeeks(16), Urgency.ROUTINE, sam, null,
                    "hill-helping-model");
            start(dana);
            agree(dana, "To manage my worry well enough to finish my course.", today.plusWeeks(1));
            SessionId dana1 = session(dana, today.minusWeeks(14), Map.of(), Map.of(), "Dana described the panic before lectures.",
                    "Very anxious; clear about wanting to finish the course.", "Notice when the worry starts.");
            session(dana, today.minusWeeks(10), Map.of(), Map.of(), "Kept a worry diary for a week.",
                    "Sees a pattern: worse on Sunday evenings.", "Try a set worry time on Sundays.");
            SessionId dana3 = session(dana, today.minusWeeks(6), Map.of(), Map.of(), "Went to two lectures this week.",
                    "Worry still there but smaller.", "Plan the return to seminars.");
            SessionId dana4 = session(dana, today.minusWeeks(2), Map.of(), Map.of(), "Back at every seminar this fortnight.",
                    "Managing; talked about ending well.", "Plan the last sessions together.");
            // A GAD-7 falling from severe to mild over the work.
            measures.enterInSession(dana, "gad-7", answers(new int[] {3, 2, 3, 2, 2, 2, 2}), dana1);
            measures.enterInSession(dana, "gad-7", answers(new int[] {2, 2, 2, 1, 1, 2, 1}), dana3);
            measures.enterInSession(dana, "gad-7", answers(new int[] {1, 1, 1, 1, 1, 1, 0}), dana4);
            moveOn(dana, "insight", "Dana has told her story fully and names the patterns herself.");
            moveOn(dana, "action", "Dana understands what keeps the worry going and wants to try changes.");
            moveOn(dana, "ending", "Dana is back at university and managing; we agreed to plan the ending.");
            // The ending under way: the gains and why it ends are done; the maintenance plan and the open door are not.
            int ending = endings.saveGains(dana, 0, new Gains("You are back at every seminar, and the worry that kept you "
                    + "away from lectures is much smaller than when we started. You found that a set worry time on Sunday "
                    + "evenings keeps it in its place.", "Writing the worry down and knowing it could wait until Sunday.",
                    true));
            endings.saveWhyItEnds(dana, ending, new WhyItEnds("goals-met", "You wanted to manage the worry well enough "
                    + "to finish your course, and you are doing that now. We agreed together that this is a good time to stop.",
                    true));
            endedAsPlanned(sam, today);
            return null;
        });
        as("jordan@demo", () -> {
            handedOver(jordan, morgan, today);
            RelationshipId couple = refer(new NewClientParty(ClientPartyKind.COUPLE, "Ash and Rowan",
                    List.of(new NewClientMember("Ash Penrose", today.minusWeeks(6)),
                            new NewClientMember("Rowan Penrose", today.minusWeeks(6)))),
                    "Community centre", "Arguing more since the baby arrived; want to find their way back to each other.",
                    today.minusWeeks(6), Urgency.ROUTINE, jordan, null, "egan-skilled-helper");
            start(couple);
            agree(couple, "To talk without it turning into a fight.", today.plusWeeks(4));
            List<ClientMember> partners = relationships.overview(couple).clientParty().members();
            session(couple, today.minusWeeks(5), Map.of(partners.get(0).id().value(), true,
                    partners.get(1).id().value(), true), Map.of(),
                    "Both spoke about the evenings, when arguments start.", "Both want change; tired and stretched.",
                    "Try a ten-minute check-in after the baby is asleep.");
            missed(couple, today.minusWeeks(3));
            missed(couple, today.minusWeeks(2));
            RelationshipId group = refer(new NewClientParty(ClientPartyKind.GROUP, "Thursday peer support group",
                    List.of(new NewClientMember("Casey Doyle", today.minusWeeks(1)),
                            new NewClientMember("Jamie Frost", today.minusWeeks(1)),
                            new NewClientMember("Taylor Brook", today.minusWeeks(1)))),
                    "Recovery service", "A new group for people in early recovery from alcohol use.",
                    today.minusWeeks(1), Urgency.ROUTINE, jordan, null, "five-stage");
            start(group);
            sessions.schedule(group, new NewSession(today.plusDays(2), LocalTime.of(18, 30), 90, MeetingMode.IN_PERSON,
                    "Community centre, upstairs room"));
            return group;
        });
        as("priya@demo", () -> {
            RelationshipId kit = refer(person("Kit Harrow", today.minusWeeks(2)), "Ward discharge team",
                    "Needs support managing a new diabetes diagnosis at home.", today.minusWeeks(2), Urgency.URGENT,
                    priya, null, "peplau-nurse-client");
            relationships.changeStatus(kit, version(kit), RelationshipStatus.WAITLISTED,
                    "First visit booked for next week.");
            cameBack(priya, today);
            return kit;
        });
        as("morgan@demo", () -> {
            RelationshipId family = refer(new NewClientParty(ClientPartyKind.FAMILY, "The Adeyemi-Hart family",
                    List.of(new NewClientMember("Lena Adeyemi-Hart", today.minusWeeks(3)),
                            new NewClientMember("Theo Adeyemi-Hart", today.minusWeeks(3)),
                            new NewClientMember("Mia Adeyemi-Hart", today.minusWeeks(3)))),
                    "School family liaison", "The family would like help with housing and with Mia's school attendance.",
                    today.minusWeeks(3), Urgency.SOON, morgan, familyTeam, "community-practice");
            start(family);
            int version = version(family);
            relationships.reviseAgreement(family, version, new AgreementTerms(
                    "We want a stable home and for Mia to feel happy going to school.", "Fortnightly", 60,
                    Set.of(MeetingMode.IN_PERSON, MeetingMode.PHONE),
                    "Morgan leads and links with housing; Priya visits about health; the family keep a diary.",
                    confidentiality(), today.plusWeeks(6), "We will review together and plan the ending step by step."),
                    null);
            return family;
        });
    }

    /**
     * Work that ended as planned five weeks ago: the four parts written, the letter there to read,
     * and the open door: follow-up check-ins in a few days, then three and six months after the ending.
     */
    private void endedAsPlanned(HelperId sam, LocalDate today) {
        LocalDate referred = today.minusWeeks(22);
        RelationshipId imogen = refer(person("Imogen Vale", referred), "Self-referral",
                "Struggling to cope since a bereavement; not sleeping and withdrawn from friends.", referred,
                Urgency.ROUTINE, sam, null, "five-stage");
        start(imogen);
        moveOn(imogen, "identifying-client-problems", "Imogen has told the story of the year and named what weighs most.");
        moveOn(imogen, "helping-clients-create-goals", "The concerns are agreed.");
        GoalId friends = goal(imogen, "Withdrawn from friends", "See a friend every week",
                new LevelDescriptions("Seeing nobody", "A message now and then", "A friend every fortnight",
                        "A friend every week", "Friends every week and the choir again"), -2, 3, 2, today.minusWeeks(20));
        moveOn(imogen, "encouraging-exploration-and-action", "Imogen wants to try small steps back towards people.");
        SessionId imogen1 = session(imogen, today.minusWeeks(20), Map.of(), Map.of(friends, -2), "Imogen spoke about her father's last months.",
                "Grieving and isolated; clear she wants her friends back.", "One message to a friend this week.");
        SessionId imogen2 = session(imogen, today.minusWeeks(15), Map.of(), Map.of(friends, -1), "Met one friend for a walk.",
                "Still low, some relief after the walk.", "Arrange the next walk before leaving this one.");
        session(imogen, today.minusWeeks(10), Map.of(), Map.of(friends, 0), "A walk every fortnight now.",
                "Sleeping better; talks about her father with warmth as well as pain.", "Think about the choir.");
        SessionId imogen4 = session(imogen, today.minusWeeks(6), Map.of(), Map.of(friends, 1), "Back at choir; sees a friend weekly.",
                "Ready to plan the ending.", "Write the maintenance plan together.");
        // A PHQ-9 falling from moderately severe to minimal.
        measures.enterInSession(imogen, "phq-9", answers(new int[] {2, 2, 2, 2, 2, 2, 2, 2, 0}), imogen1);
        measures.enterInSession(imogen, "phq-9", answers(new int[] {1, 1, 2, 1, 1, 1, 1, 1, 0}), imogen2);
        measures.enterInSession(imogen, "phq-9", answers(new int[] {1, 1, 0, 1, 0, 0, 0, 0, 0}), imogen4);
        moveOn(imogen, "termination-and-ending", "The goal is met; we agreed to end well over the last session.");
        int version = endings.saveGains(imogen, 0, new Gains("You see a friend every week and you are back at the choir. "
                + "You can talk about your father now with warmth as well as sadness.",
                "Having one hour a week where I did not have to be fine.", true));
        version = endings.saveWhyItEnds(imogen, version, new WhyItEnds("goals-met", "You wanted to see your friends "
                + "again and to live with the loss; you are doing both, and we agreed this is a good time to stop.", true));
        version = endings.saveConfidence(imogen, version, new Confidence(
                "Cancelling plans, staying in bed at weekends, not answering the choir messages.",
                "The Sunday walk, the choir, writing a letter to Dad when the day is heavy.",
                "My friend Hattie; my brother Ned; the GP at Northbridge.",
                "Ring the Northbridge duty line in office hours, or 111 and choose the mental health option.", true));
        LocalDate endedOn = today.minusWeeks(5);
        version = endings.saveOpenDoor(imogen, version, new OpenDoor(
                List.of(today.plusDays(3), endedOn.plusMonths(3), endedOn.plusMonths(6)), "phq-9", null, true));
        endings.settleGoal(imogen, friends, goalVersion(imogen, friends), GoalStatus.ACHIEVED);
        endings.closePlanned(imogen, version, endedOn);
    }

    private int goalVersion(RelationshipId relationship, GoalId goal) {
        return goals.standings(relationship).stream().filter(g -> g.id().equals(goal)).findFirst().orElseThrow().version();
    }

    /** A relationship handed over from Jordan to Morgan, a better fit now; Morgan has still to confirm taking it on. */
    private void handedOver(HelperId jordan, HelperId morgan, LocalDate today) {
        LocalDate referred = today.minusWeeks(8);
        RelationshipId jesse = refer(person("Jesse Okonjo", referred), "Housing association",
                "Isolated after moving into a new flat; money worries.", referred, Urgency.ROUTINE, jordan, null,
                "five-stage");
        start(jesse);
        agree(jesse, "To feel settled in the flat and get on top of the bills.", today.plusWeeks(3));
        session(jesse, today.minusWeeks(6), Map.of(), Map.of(), "Jesse talked about the move and the quiet evenings.",
                "Lonely; the bills are the heavier worry.", "Bring the letters from the council next time.");
        session(jesse, today.minusWeeks(3), Map.of(), Map.of(), "Went through the council letters together.",
                "The benefits questions need a social worker's knowledge.", "Talk about a handover to Morgan.");
        relationships.handOver(jesse, version(jesse), morgan, HandoverReason.BETTER_FIT,
                "Jesse and I agreed that Morgan, a social worker, is better placed for the housing and benefits questions. "
                        + "Jesse likes short, direct sessions in the morning; the council letters are in the last session's note.");
    }

    /**
     * A former client who asked to come back: work that ended as planned last spring, and a new
     * referral from the reconnect link in the ending letter, continuing the earlier work.
     */
    private void cameBack(HelperId priya, LocalDate today) {
        LocalDate referred = today.minusWeeks(40);
        RelationshipId hollis = refer(person("Hollis Brandt", referred), "Community nursing team",
                "Support with managing a heart condition and the anxiety that came with it.", referred, Urgency.ROUTINE,
                priya, null, "peplau-nurse-client");
        start(hollis);
        session(hollis, today.minusWeeks(36), Map.of(), Map.of(), "Went through the new medicines and the daily routine.",
                "Anxious about the diagnosis, keen to learn.", "Keep a diary of symptoms and walks.");
        session(hollis, today.minusWeeks(28), Map.of(), Map.of(), "The diary shows steady walks and fewer scares.",
                "More confident; less frightened at night.", "Plan the ending.");
        relationships.changeStatus(hollis, version(hollis), RelationshipStatus.ENDING, "Hollis is confident at home now.");
        int version = endings.saveGains(hollis, 0, new Gains("You take your medicines without a second thought and you "
                + "walk every day. The night-time scares are rare now.", "Knowing which feelings were the heart and which were the worry.",
                true));
        version = endings.saveWhyItEnds(hollis, version, new WhyItEnds("clients-choice",
                "You feel confident at home now, and you chose to stop here.", true));
        version = endings.saveConfidence(hollis, version, new Confidence("Skipping walks, waking up frightened again.",
                "The symptom diary and the evening walk.", "My daughter Signe; the heart nurses.",
                "Chest pain or breathlessness that does not settle: ring 999.", true));
        version = endings.saveOpenDoor(hollis, version, new OpenDoor(List.of(), null,
                "Hollis would rather get in touch when it is needed than have check-ins.", true));
        ClosedEnding closed = endings.closePlanned(hollis, version, today.minusWeeks(27));
        if (closed.reconnectPath() != null) {
            followUps.confirmReconnect(closed.reconnectPath().substring("/reconnect/".length()),
                    "A new heart medicine has unsettled me and I would like to see Priya again.");
        }
    }

    private static Map<String, Integer> answers(int[] values) {
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        for (int item = 0; item < values.length; item++) answers.put(Integer.toString(item + 1), values[item]);
        return answers;
    }

    private RelationshipId refer(NewClientParty client, String source, String reason, LocalDate on, Urgency urgency,
            HelperId lead, TeamId team, String model) {
        return relationships.refer(new NewReferral(client, null, new Referral(source, reason, on, urgency), lead, team,
                List.of(), model, UUID.randomUUID()));
    }

    private static NewClientParty person(String name, LocalDate joined) {
        return new NewClientParty(ClientPartyKind.PERSON, name, List.of(new NewClientMember(name, joined)));
    }

    private GoalId goal(RelationshipId relationship, String concern, String statement, LevelDescriptions levels,
            int baseline, int importance, int difficulty, LocalDate setOn) {
        return goals.setGoal(relationship, new NewGoal(null, concern, statement, levels,
                new AttainmentLevel(baseline), importance, difficulty, setOn, null));
    }

    /** A session that took place, recorded with skills, goal ratings and a signed DAP note. */
    private SessionId session(RelationshipId relationship, LocalDate on, Map<UUID, Boolean> attendance,
            Map<GoalId, Integer> ratings, String data, String assessment, String plan) {
        return recording.record(relationship, new QuickRecord(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null,
                SessionOutcome.ATTENDED, attendance,
                Set.of(HelpingSkill.LISTENING, HelpingSkill.REFLECTING, HelpingSkill.QUESTIONING), ratings, "dap",
                Map.of("Data", data, "Assessment", assessment, "Plan", plan), true)).session();
    }

    private void missed(RelationshipId relationship, LocalDate on) {
        recording.record(relationship, new QuickRecord(on, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, null,
                SessionOutcome.DID_NOT_ATTEND, Map.of(), Set.of(), Map.of(), null, Map.of(), false));
    }

    private void start(RelationshipId id) {
        relationships.changeStatus(id, version(id), RelationshipStatus.ACTIVE, "First meeting held.");
    }

    private void agree(RelationshipId id, String purpose, LocalDate reviewOn) {
        int revision = relationships.reviseAgreement(id, version(id), new AgreementTerms(purpose, "Weekly", 50,
                Set.of(MeetingMode.IN_PERSON, MeetingMode.VIDEO),
                "The helper keeps time, listens and offers a space to think; the client brings what matters to them.",
                confidentiality(), reviewOn, "We will agree the last few sessions together and plan follow-up."), null);
        relationships.acceptAgreement(id, revision, LocalDate.now(clock), AcceptanceMethod.IN_SESSION);
    }

    private void moveOn(RelationshipId id, String phase, String reason) {
        relationships.moveToPhase(id, version(id), phase, reason);
    }

    private int version(RelationshipId id) {
        return relationships.overview(id).version();
    }

    private static String confidentiality() {
        return "What you share stays within the service and supervision, unless someone is at serious risk of harm "
                + "or the law requires us to share it. We would talk with you first wherever we can.";
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = accounts.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** A sign-in name of the demo and who it belongs to. */
    public record DemoLogin(String username, String who) {
    }
}

package org.rapport.benchmarks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rapport.RapportApplication;
import org.rapport.accounts.AccountManagement;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.recording.QuickRecord;
import org.rapport.recording.SessionRecording;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionOutcome;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How many sessions a minute Rapport records through its module API on PostgreSQL: each one a group
 * session with attendance, three skills, two goal ratings, an encrypted note that is signed, and
 * every audit entry that comes with them, in one transaction. Run with {@code mvn -Pbenchmark verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MINUTES)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 20)
@Fork(1)
public class RecordingBenchmark {

    private ConfigurableApplicationContext context;
    private TestOrganisation organisation;
    private Staff helper;
    private SessionRecording recording;
    private RelationshipId group;
    private Map<UUID, Boolean> attendance;
    private List<GoalId> goals;
    private int sessionsRecorded;

    @Setup(Level.Trial)
    public void startRapportWithAGroupAndTwoGoals() {
        context = new SpringApplicationBuilder(RapportApplication.class)
                // Command-line arguments, so they win over application.yml.
                // Durable, as Rapport runs: every commit waits for its write-ahead log to reach the disk.
                .run("--rapport.embedded.data-dir=", "--rapport.embedded.durable=true", "--rapport.demo.seed=never",
                        "--rapport.notes.allow-generated-key=true", "--logging.level.root=warn", "--server.port=0");
        organisation = new TestOrganisation(context.getBean(AccountManagement.class),
                context.getBean(PeopleManagement.class), "Benchmark Wellbeing");
        helper = organisation.aHelper("Bench Marker");
        RelationshipManagement relationships = context.getBean(RelationshipManagement.class);
        GoalManagement goalManagement = context.getBean(GoalManagement.class);
        recording = context.getBean(SessionRecording.class);
        LocalDate start = LocalDate.now().minusYears(1);
        group = organisation.as(helper, () -> relationships.refer(new NewReferral(
                new NewClientParty(ClientPartyKind.GROUP, "Benchmark group", List.of(new NewClientMember("Member One", start),
                        new NewClientMember("Member Two", start), new NewClientMember("Member Three", start))),
                null, new Referral("Benchmark", "Measuring throughput", start, Urgency.ROUTINE), helper.helper(), null,
                List.of(), "five-stage", UUID.randomUUID())));
        organisation.run(helper, () -> relationships.changeStatus(group, relationships.overview(group).version(),
                RelationshipStatus.ACTIVE, "Started"));
        List<ClientMember> members = organisation.as(helper, () -> relationships.overview(group).clientParty().members());
        attendance = new HashMap<>();
        members.forEach(m -> attendance.put(m.id().value(), true));
        attendance.put(members.get(1).id().value(), false);
        LevelDescriptions levels = new LevelDescriptions("Much less", "Less", "As expected", "More", "Much more");
        goals = List.of(
                organisation.as(helper, () -> goalManagement.setGoal(group, new NewGoal(null, "Benchmark concern",
                        "First goal", levels, new AttainmentLevel(-1), null, null, start, null))),
                organisation.as(helper, () -> goalManagement.setGoal(group, new NewGoal(null, "Benchmark concern",
                        "Second goal", levels, new AttainmentLevel(-1), 2, 2, start, null))));
    }

    @Benchmark
    public Object recordASessionWithNoteRatingsAndAudit() {
        // A different day each time, going back from today, so every session is a real, separate one.
        LocalDate day = LocalDate.now().minusDays(sessionsRecorded++ % 300);
        QuickRecord record = new QuickRecord(day, LocalTime.of(10, 0), 90, MeetingMode.IN_PERSON, "Group room",
                SessionOutcome.ATTENDED, attendance,
                Set.of(HelpingSkill.LISTENING, HelpingSkill.REFLECTING, HelpingSkill.CHALLENGE),
                Map.of(goals.get(0), sessionsRecorded % 5 - 2, goals.get(1), (sessionsRecorded + 2) % 5 - 2), "dap",
                Map.of("Data", "The group met and talked about the week.", "Assessment", "Steady progress.",
                        "Plan", "Meet again next week."),
                true);
        return organisation.as(helper, () -> recording.record(group, record));
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}

package org.rapport.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.Role;
import org.rapport.goals.GoalId;
import org.rapport.goals.GoalManagement;
import org.rapport.goals.LevelDescriptions;
import org.rapport.goals.NewGoal;
import org.rapport.goals.scoring.AttainmentLevel;
import org.rapport.notes.NoteManagement;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.shared.RuleBroken;
import org.rapport.testing.TestOrganisation;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** One form records a whole session: attendance, skills, goal ratings and a signed note, or nothing at all. */
@SpringBootTest
class SessionRecordingIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired GoalManagement goals;
    @Autowired SessionManagement sessions;
    @Autowired NoteManagement notes;
    @Autowired SessionRecording recording;

    TestOrganisation harbour;
    Staff jo;
    RelationshipId group;
    GoalId confidence;
    GoalId sleep;
    List<ClientMember> members;

    @BeforeEach
    void aGroupWithTwoGoals() {
        harbour = new TestOrganisation(accounts, people, "Harbour Peer Support");
        jo = harbour.aHelper("Jo Finch");
        LocalDate start = LocalDate.now().minusWeeks(4);
        group = harbour.as(jo, () -> relationships.refer(new NewReferral(
                new NewClientParty(ClientPartyKind.GROUP, "Tuesday group", List.of(new NewClientMember("Ari Lowe", start),
                        new NewClientMember("Bea Moss", start), new NewClientMember("Cal Reed", start))),
                null, new Referral("Community centre", "A new peer group", start, Urgency.ROUTINE), jo.helper(), null,
                List.of(), "five-stage", UUID.randomUUID())));
        harbour.run(jo, () -> relationships.changeStatus(group, relationships.overview(group).version(),
                RelationshipStatus.ACTIVE, "First meeting"));
        confidence = setGoal("Speak up once in each meeting");
        sleep = setGoal("Sleep through most nights");
        members = harbour.as(jo, () -> relationships.overview(group).clientParty().members());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordsAttendanceSkillsRatingsAndASignedNoteTogether() {
        RecordedSession recorded = harbour.as(jo, () -> recording.record(group, aRecord(
                Map.of(members.get(0).id().value(), true, members.get(1).id().value(), false,
                        members.get(2).id().value(), true),
                Map.of(confidence, 1, sleep, 0), Map.of("Note", "Warm start; Bea was away."), true)));

        SessionInfo session = harbour.as(jo, () -> sessions.session(recorded.session()));
        assertThat(session.outcome()).isEqualTo(SessionOutcome.ATTENDED);
        assertThat(session.attendance()).filteredOn(a -> !a.present()).extracting(a -> a.name()).containsExactly("Bea Moss");
        assertThat(session.skills()).containsExactlyInAnyOrder(HelpingSkill.LISTENING, HelpingSkill.REFLECTION_OF_FEELINGS);
        assertThat(harbour.as(jo, () -> goals.history(confidence)).ratings()).hasSize(1);
        var note = harbour.as(jo, () -> notes.noteOf(recorded.session())).orElseThrow();
        assertThat(note.signed()).isTrue();
        assertThat(note.sections()).extracting(s -> s.text()).containsExactly("Warm start; Bea was away.");
        assertThat(harbour.as(jo, () -> goals.goalsOf(group)).tScore()).isNotNull();
    }

    @Test
    void storesNothingWhenOnePartIsRefused() {
        int sessionsBefore = harbour.as(jo, () -> sessions.sessionsOf(group)).size();

        assertThatThrownBy(() -> harbour.as(jo, () -> recording.record(group, aRecord(allPresent(),
                Map.of(confidence, 1, sleep, 3), Map.of("Note", "Should not be kept"), true))))
                .isInstanceOf(RuntimeException.class);

        assertThat(harbour.as(jo, () -> sessions.sessionsOf(group))).hasSize(sessionsBefore);
        assertThat(harbour.as(jo, () -> goals.history(confidence)).ratings()).isEmpty();
    }

    @Test
    void refusesRatingsForASessionThatDidNotTakePlace() {
        QuickRecord missed = new QuickRecord(LocalDate.now(), LocalTime.of(10, 0), 60, MeetingMode.IN_PERSON, null,
                SessionOutcome.DID_NOT_ATTEND, Map.of(), Set.of(), Map.of(confidence, 0), null, Map.of(), false);

        assertThatThrownBy(() -> harbour.as(jo, () -> recording.record(group, missed)))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("rated in a session that took place");
        assertThat(harbour.as(jo, () -> sessions.sessionsOf(group))).isEmpty();
    }

    @Test
    void refusesToSignANoteThatWasNotWritten() {
        assertThatThrownBy(() -> harbour.as(jo, () -> recording.record(group,
                aRecord(allPresent(), Map.of(), Map.of("Note", "  "), true))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("no note to sign");
        assertThat(harbour.as(jo, () -> sessions.sessionsOf(group))).isEmpty();
    }

    @Test
    void letsOnlyTheRelationshipsHelpersRecord() {
        Staff sam = harbour.staff("Sam Okafor", Role.SUPERVISOR, Role.HELPER);
        harbour.inScope(() -> {
            people.linkSupervisor(sam.helper(), jo.helper());
            return null;
        });

        assertThatThrownBy(() -> harbour.as(sam, () -> recording.record(group,
                aRecord(allPresent(), Map.of(), Map.of(), false)))).isInstanceOf(AccessDeniedException.class);
        assertThat(harbour.as(jo, () -> sessions.sessionsOf(group))).isEmpty();
    }

    private QuickRecord aRecord(Map<UUID, Boolean> attendance, Map<GoalId, Integer> ratings,
            Map<String, String> note, boolean sign) {
        return new QuickRecord(LocalDate.now(), LocalTime.of(10, 0), 90, MeetingMode.IN_PERSON, "Community room",
                SessionOutcome.ATTENDED, attendance, Set.of(HelpingSkill.LISTENING, HelpingSkill.REFLECTION_OF_FEELINGS),
                ratings, "free", note, sign);
    }

    private Map<UUID, Boolean> allPresent() {
        return Map.of(members.get(0).id().value(), true, members.get(1).id().value(), true,
                members.get(2).id().value(), true);
    }

    private GoalId setGoal(String statement) {
        return harbour.as(jo, () -> goals.setGoal(group, new NewGoal(null, "Feeling isolated", statement,
                new LevelDescriptions("Never", "Rarely", "Most weeks", "Every week", "Every week, easily"),
                new AttainmentLevel(-1), null, null, null, null)));
    }
}

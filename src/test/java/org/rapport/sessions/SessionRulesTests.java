package org.rapport.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientParty;
import org.rapport.people.ClientPartyId;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.MemberId;
import org.rapport.relationships.MeetingMode;
import org.rapport.shared.RuleBroken;

/** What a session must be to be stored: length, day, outcome, attendance and skills. */
class SessionRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    static final LocalDate REFERRED = LocalDate.of(2026, 1, 5);

    static final ClientMember SKY = new ClientMember(new MemberId(UUID.randomUUID()), "Sky Lark", REFERRED, null);
    static final ClientMember REN = new ClientMember(new MemberId(UUID.randomUUID()), "Ren Lark", REFERRED, null);
    static final ClientMember TAM = new ClientMember(new MemberId(UUID.randomUUID()), "Tam Lark", REFERRED,
            LocalDate.of(2026, 3, 1));
    static final ClientMember JO = new ClientMember(new MemberId(UUID.randomUUID()), "Jo Lark", LocalDate.of(2026, 3, 10), null);
    static final ClientParty FAMILY = new ClientParty(new ClientPartyId(UUID.randomUUID()), ClientPartyKind.FAMILY,
            "The Lark family", List.of(SKY, REN, TAM, JO));
    static final ClientMember ROBIN = new ClientMember(new MemberId(UUID.randomUUID()), "Robin Fairweather", REFERRED, null);
    static final ClientParty PERSON = new ClientParty(new ClientPartyId(UUID.randomUUID()), ClientPartyKind.PERSON,
            "Robin Fairweather", List.of(ROBIN));

    static NewSession on(LocalDate day, int minutes) {
        return new NewSession(day, LocalTime.of(10, 0), minutes, MeetingMode.IN_PERSON, "  Room 2 ");
    }

    static SessionRecord attended(Map<UUID, Boolean> attendance, HelpingSkill... skills) {
        return new SessionRecord(SessionOutcome.ATTENDED, attendance,
                skills.length == 0 ? Set.of() : EnumSet.of(skills[0], skills));
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 0, 4, 481, 10_000})
    void refusesALengthOutsideFiveToFourHundredAndEightyMinutes(int minutes) {
        assertThatThrownBy(() -> SessionRules.scheduling(on(TODAY.plusDays(1), minutes), TODAY))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("minutes");
    }

    @Test
    void acceptsTheShortestAndLongestSessionsAndTidiesThePlace() {
        assertThat(SessionRules.scheduling(on(TODAY, 5), TODAY).place()).isEqualTo("Room 2");
        assertThat(SessionRules.scheduling(on(TODAY.plusYears(2), 480), TODAY).lengthMinutes()).isEqualTo(480);
    }

    @Test
    void schedulesNeitherInThePastNorMoreThanTwoYearsAhead() {
        assertThatThrownBy(() -> SessionRules.scheduling(on(TODAY.minusDays(1), 50), TODAY))
                .hasMessageContaining("cannot be in the past");
        assertThatThrownBy(() -> SessionRules.scheduling(on(TODAY.plusYears(2).plusDays(1), 50), TODAY))
                .hasMessageContaining("two years ahead");
    }

    @Test
    void recordsAfterTheFactNeitherInTheFutureNorBeforeTheReferral() {
        assertThatThrownBy(() -> SessionRules.afterTheFact(on(TODAY.plusDays(1), 50), TODAY, REFERRED))
                .hasMessageContaining("cannot be in the future");
        assertThatThrownBy(() -> SessionRules.afterTheFact(on(REFERRED.minusDays(1), 50), TODAY, REFERRED))
                .hasMessageContaining("before the referral");
        assertThat(SessionRules.afterTheFact(on(TODAY, 50), TODAY, REFERRED).on()).isEqualTo(TODAY);
    }

    @Test
    void asksForTheDayTimeAndWayOfMeeting() {
        assertThatThrownBy(() -> SessionRules.scheduling(null, TODAY)).hasMessageContaining("day");
        assertThatThrownBy(() -> SessionRules.scheduling(new NewSession(TODAY, null, 50, MeetingMode.VIDEO, null), TODAY))
                .hasMessageContaining("time");
        assertThatThrownBy(() -> SessionRules.scheduling(new NewSession(TODAY, LocalTime.NOON, 50, null, null), TODAY))
                .hasMessageContaining("how you meet");
        assertThatThrownBy(() -> SessionRules.scheduling(
                new NewSession(TODAY, LocalTime.NOON, 50, MeetingMode.VIDEO, "x".repeat(201)), TODAY))
                .hasMessageContaining("200 characters");
    }

    @Test
    void refusesToRecordAFutureSessionAsAttendedOrNotAttendedButLetsItBeCancelled() {
        LocalDate next = TODAY.plusDays(3);
        assertThatThrownBy(() -> SessionRules.recording(attended(Map.of()), next, TODAY, PERSON))
                .hasMessageContaining("has not happened yet");
        assertThatThrownBy(() -> SessionRules.recording(
                new SessionRecord(SessionOutcome.DID_NOT_ATTEND, Map.of(), Set.of()), next, TODAY, PERSON))
                .hasMessageContaining("has not happened yet");
        assertThat(SessionRules.recording(new SessionRecord(SessionOutcome.CANCELLED_BY_CLIENT, Map.of(), Set.of()),
                next, TODAY, PERSON)).isEmpty();
    }

    @Test
    void refusesScheduledOrMissingAsAnOutcome() {
        assertThatThrownBy(() -> SessionRules.recording(new SessionRecord(SessionOutcome.SCHEDULED, Map.of(), Set.of()),
                TODAY, TODAY, PERSON)).hasMessageContaining("Choose what happened");
        assertThatThrownBy(() -> SessionRules.recording(new SessionRecord(null, Map.of(), Set.of()), TODAY, TODAY, PERSON))
                .hasMessageContaining("Choose what happened");
    }

    @Test
    void keepsSkillsAndAttendanceForSessionsThatWereHeld() {
        assertThatThrownBy(() -> SessionRules.recording(new SessionRecord(SessionOutcome.DID_NOT_ATTEND, Map.of(),
                Set.of(HelpingSkill.LISTENING)), TODAY, TODAY, PERSON)).hasMessageContaining("skills");
        assertThatThrownBy(() -> SessionRules.recording(new SessionRecord(SessionOutcome.CANCELLED_BY_HELPER,
                Map.of(SKY.id().value(), true), Set.of()), TODAY, TODAY, FAMILY)).hasMessageContaining("Attendance");
    }

    @Test
    void marksEveryMemberCurrentOnTheDayInTheOrderTheyJoined() {
        List<MemberAttendance> attendance = SessionRules.recording(attended(Map.of(SKY.id().value(), true,
                REN.id().value(), false, JO.id().value(), true), HelpingSkill.LISTENING), TODAY, TODAY, FAMILY);
        assertThat(attendance).extracting(MemberAttendance::name, MemberAttendance::present)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sky Lark", true),
                        org.assertj.core.groups.Tuple.tuple("Ren Lark", false),
                        org.assertj.core.groups.Tuple.tuple("Jo Lark", true));
    }

    @Test
    void refusesAttendanceForSomeoneWhoWasNotAMemberOnTheDay() {
        assertThatThrownBy(() -> SessionRules.recording(attended(Map.of(SKY.id().value(), true, REN.id().value(), true,
                JO.id().value(), true, TAM.id().value(), true)), TODAY, TODAY, FAMILY))
                .hasMessageContaining("not a member of The Lark family");
        assertThatThrownBy(() -> SessionRules.recording(attended(Map.of(SKY.id().value(), true, REN.id().value(), true,
                UUID.randomUUID(), true)), LocalDate.of(2026, 3, 2), TODAY, FAMILY))
                .hasMessageContaining("not a member");
    }

    @Test
    void asksForEveryCurrentMemberToBeMarked() {
        assertThatThrownBy(() -> SessionRules.recording(attended(Map.of(SKY.id().value(), true)), TODAY, TODAY, FAMILY))
                .hasMessageContaining("Ren Lark, Jo Lark");
    }

    @Test
    void refusesAHeldSessionWithNobodyPresent() {
        assertThatThrownBy(() -> SessionRules.recording(attended(Map.of(SKY.id().value(), false, REN.id().value(), false,
                JO.id().value(), false)), TODAY, TODAY, FAMILY)).hasMessageContaining("not attended instead");
    }

    @Test
    void keepsNoPerMemberAttendanceForOnePerson() {
        assertThat(SessionRules.recording(attended(Map.of()), TODAY, TODAY, PERSON)).isEmpty();
        assertThatThrownBy(() -> SessionRules.recording(attended(Map.of(ROBIN.id().value(), true)), TODAY, TODAY, PERSON))
                .hasMessageContaining("not for one person");
    }

    @Test
    void groupsTheSkillsByHillsStages() {
        assertThat(HelpingSkill.byGroup()).containsOnlyKeys("Basic skills", "Exploration", "Insight", "Action");
        assertThat(HelpingSkill.byGroup().get("Insight")).containsExactly(HelpingSkill.CHALLENGE,
                HelpingSkill.INTERPRETATION, HelpingSkill.SELF_DISCLOSURE, HelpingSkill.IMMEDIACY);
        assertThat(HelpingSkill.DIRECT_GUIDANCE.group()).isEqualTo("Action");
        assertThat(SessionOutcome.ATTENDED.isHeld()).isTrue();
        assertThat(SessionOutcome.DID_NOT_ATTEND.isHeld()).isFalse();
    }
}

package org.rapport.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.audit.AuditEntry;
import org.rapport.audit.AuditTrail;
import org.rapport.goals.GoalManagement;
import org.rapport.health.HealthView.Attended;
import org.rapport.health.HealthView.AttendanceRow;
import org.rapport.health.HealthView.MeasureRow;
import org.rapport.health.HealthView.MeasureTrend;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.SessionManagement;
import org.rapport.shared.RecordNotFound;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** The relationship-health panel gathers real sessions, goal ratings and scores from the other modules. */
@SpringBootTest
class HealthPanelIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired GoalManagement goals;
    @Autowired MeasureManagement measures;
    @Autowired AuditTrail audit;
    @Autowired HealthPanel panel;
    @Autowired Clock clock;

    HealthFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void openARelationshipWithRobin() {
        riverside = new HealthFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(HealthFixtures.aReferral("Robin Fairweather", ash, today().minusDays(60))));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    HealthView viewAs(Staff who) {
        return riverside.as(who, () -> {
            RelationshipInfo info = relationships.describe(robin);
            @SuppressWarnings("unchecked")
            HealthView view = (HealthView) panel.data(info).get("health");
            return view;
        });
    }

    @Test
    void gathersTheTrajectoriesCheckInsTScoresAttendanceAndPhase() {
        riverside.fourWeeksOfWork(ash, robin, today(), sessions, goals, measures);

        HealthView view = viewAs(ash);

        assertThat(view.phase().number()).isEqualTo(1);
        assertThat(view.phase().count()).isEqualTo(5);
        assertThat(view.phase().text()).startsWith("Phase 1 of 5: ");

        assertThat(view.outcomes()).extracting(MeasureTrend::key).containsExactly("phq-9");
        MeasureTrend phq9 = view.outcomes().get(0);
        assertThat(phq9.cutOff()).isEqualTo("10");
        assertThat(phq9.rows()).extracting(MeasureRow::number, MeasureRow::value, MeasureRow::expected, MeasureRow::upperEdge,
                        MeasureRow::aboveBand, MeasureRow::severity)
                .containsExactly(tuple(1, "20", "20.0", "26.0", false, "Severe"),
                        tuple(2, "12", "19.0", "25.0", false, "Moderate"));
        assertThat(phq9.changeLabel()).isEqualTo("Reliable improvement");

        assertThat(view.checkIns()).hasSize(1);
        MeasureTrend checkIn = view.checkIns().get(0);
        assertThat(checkIn.cutOff()).isEqualTo("45");
        assertThat(checkIn.hasBand()).isFalse();
        assertThat(checkIn.rows()).extracting(MeasureRow::value, MeasureRow::meetsCutOff)
                .containsExactly(tuple("40", false), tuple("47", true));

        // One point for each day the goal was rated, as the goals module computes it.
        assertThat(view.goalAttainment().rows()).extracting(HealthView.TScoreRow::on)
                .containsExactly(today().minusDays(21), today().minusDays(7));
        assertThat(view.goalAttainment().rows()).extracting(HealthView.TScoreRow::value)
                .containsExactly(riverside.as(ash, () -> goals.goalsOf(robin)).tScoreHistory().stream()
                        .map(p -> p.rounded()).toArray(String[]::new));

        assertThat(view.attendance().rows()).extracting(AttendanceRow::on, AttendanceRow::kind)
                .containsExactly(tuple(today().minusDays(21), Attended.ATTENDED), tuple(today().minusDays(14), Attended.NOT_ATTENDED),
                        tuple(today().minusDays(10), Attended.CANCELLED), tuple(today().minusDays(7), Attended.ATTENDED));
        assertThat(view.attendance().scheduled()).isEqualTo(1);
        assertThat(view.hasAnyChart()).isTrue();
    }

    @Test
    void aNewRelationshipHasOnlyItsPhase() {
        HealthView view = viewAs(ash);

        assertThat(view.hasAnyChart()).isFalse();
        assertThat(view.outcomes()).isEmpty();
        assertThat(view.checkIns()).isEmpty();
        assertThat(view.attendance().rows()).isEmpty();
        assertThat(view.goalAttainment().rows()).isEmpty();
    }

    @Test
    void eachModuleAuditsItsOwnRead() {
        riverside.fourWeeksOfWork(ash, robin, today(), sessions, goals, measures);
        var client = riverside.as(ash, () -> relationships.describe(robin)).clientPartyId();
        long before = auditCount(client);

        viewAs(ash);

        List<AuditEntry> entries = riverside.inScope(() -> audit.forClient(client, 0)).entries();
        assertThat(auditCount(client)).isGreaterThanOrEqualTo(before + 3);
        assertThat(entries).extracting(AuditEntry::detail)
                .contains("opened the relationship's goals", "listed the relationship's sessions", "read the measures' scores");
    }

    @Test
    void showsNothingOfARelationshipOutsideTheHelpersCaseload() {
        Staff sam = riverside.aHelper("Sam Okafor");
        RelationshipInfo seenByAsh = riverside.as(ash, () -> relationships.describe(robin));

        assertThatThrownBy(() -> riverside.run(sam, () -> panel.data(seenByAsh))).isInstanceOf(RecordNotFound.class);
    }

    long auditCount(java.util.UUID client) {
        return riverside.inScope(() -> audit.forClient(client, 0)).total();
    }
}

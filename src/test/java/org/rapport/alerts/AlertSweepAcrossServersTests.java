package org.rapport.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.rapport.alerts.AlertFixtures.aReferral;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.javacrumbs.shedlock.core.ClockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionRecord;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The daily sweep when several servers share the database (decision record 19): its scheduled run
 * takes the {@code alert-sweep} lock, so while another server holds it nothing is swept here, two
 * runs at once sweep once, and a server whose clock runs an hour ahead still sees the other's lock,
 * because the lock is timed by the database's clock. Robin's work lapses (two sessions in a row not
 * attended), so a sweep that runs raises one lapsing alert.
 */
@SpringBootTest
class AlertSweepAcrossServersTests {

    static final String ANOTHER_SERVER = "rapport-2.internal (pid 4242)";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired SessionManagement sessions;
    @Autowired AlertManagement alerts;
    @Autowired AlertSweepSchedule schedule;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @MockitoSpyBean AlertSweep sweep;

    AlertFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void robinsWorkIsLapsingAndNoServerHoldsTheLock() {
        riverside = new AlertFixtures(accounts, people, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        LocalDate today = LocalDate.now(clock);
        robin = riverside.as(ash, () -> {
            RelationshipId id = relationships.refer(aReferral("Robin Fairweather", ash, Urgency.ROUTINE, today.minusDays(60)));
            relationships.changeStatus(id, relationships.overview(id).version(), RelationshipStatus.ACTIVE, "Taken on");
            return id;
        });
        session(today.minusDays(30), SessionOutcome.ATTENDED);
        session(today.minusDays(25), SessionOutcome.DID_NOT_ATTEND);
        session(today.minusDays(20), SessionOutcome.DID_NOT_ATTEND);
        theLockRunsOut();
    }

    @AfterEach
    void backToTheRealTimeAndSignedOut() {
        ClockProvider.setClock(Clock.systemUTC());
        SecurityContextHolder.clearContext();
    }

    void session(LocalDate heldOn, SessionOutcome outcome) {
        riverside.run(ash, () -> sessions.recordUnscheduled(robin,
                new NewSession(heldOn, LocalTime.of(10, 0), 50, MeetingMode.IN_PERSON, "Room 2"),
                new SessionRecord(outcome, Map.of(), Set.of())));
    }

    /** Another server took the sweep's lock, by the database's clock, for ten minutes more. */
    void anotherServerIsSweeping() {
        jdbc.sql("""
                insert into scheduled_work_lock (name, lock_until, locked_at, locked_by)
                values (:name, timezone('utc', current_timestamp) + interval '10 minutes', timezone('utc', current_timestamp), :by)
                on conflict (name) do update
                    set lock_until = excluded.lock_until, locked_at = excluded.locked_at, locked_by = excluded.locked_by""")
                .param("name", AlertSweepSchedule.LOCK).param("by", ANOTHER_SERVER).update();
    }

    /** The holder stopped (or its minute at least has passed): its lock ran out a second ago. */
    void theLockRunsOut() {
        jdbc.sql("update scheduled_work_lock set lock_until = timezone('utc', current_timestamp) - interval '1 second' where name = :name")
                .param("name", AlertSweepSchedule.LOCK).update();
    }

    List<AlertView> lapsingAlertsOfRobin() {
        return riverside.as(ash, () -> alerts.alertsOf(robin)).stream().filter(a -> a.kind() == AlertKind.LAPSING).toList();
    }

    List<Map<String, Object>> lockRows() {
        return jdbc.sql("""
                select locked_by, lock_until >= locked_at + interval '1 minute' as kept_a_minute
                from scheduled_work_lock where name = :name""")
                .param("name", AlertSweepSchedule.LOCK).query().listOfRows();
    }

    static String thisServer() {
        return "(pid " + ProcessHandle.current().pid() + ")";
    }

    @Test
    void sweepsNothingWhileAnotherServerHoldsTheLockAndSweepsOnceItHasRunOut() {
        anotherServerIsSweeping();

        schedule.daily();

        verify(sweep, never()).sweepAll();
        assertThat(lapsingAlertsOfRobin()).isEmpty();
        assertThat(lockRows()).singleElement().satisfies(row -> assertThat(row.get("locked_by")).isEqualTo(ANOTHER_SERVER));

        theLockRunsOut();
        schedule.daily();

        verify(sweep).sweepAll();
        assertThat(lapsingAlertsOfRobin()).singleElement()
                .satisfies(alert -> assertThat(alert.reason()).contains("two sessions in a row not attended"));
        assertThat(lockRows()).singleElement()
                .satisfies(row -> assertThat((String) row.get("locked_by")).endsWith(thisServer()));
    }

    @Test
    void twoRunsAtOnceSweepOnceAndRaiseTheAlertOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = servers.invokeAll(List.of(
                    () -> { together.await(); schedule.daily(); return null; },
                    () -> { together.await(); schedule.daily(); return null; }));
            for (Future<Object> run : runs) run.get();
        } finally {
            servers.shutdown();
        }

        verify(sweep, times(1)).sweepAll();
        assertThat(lapsingAlertsOfRobin()).singleElement().extracting(AlertView::acknowledged).isEqualTo(false);
        assertThat(lockRows()).singleElement().satisfies(row -> {
            assertThat((String) row.get("locked_by")).endsWith(thisServer());
            assertThat(row.get("kept_a_minute")).as("held at least a minute after the sweep").isEqualTo(true);
        });
    }

    @Test
    void aServerWhoseClockRunsAnHourAheadStillSeesTheOtherServersLock() {
        anotherServerIsSweeping();
        ClockProvider.setClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

        schedule.daily();

        verify(sweep, never()).sweepAll();
        assertThat(lapsingAlertsOfRobin()).isEmpty();
        assertThat(lockRows()).singleElement().satisfies(row -> assertThat(row.get("locked_by")).isEqualTo(ANOTHER_SERVER));
    }
}

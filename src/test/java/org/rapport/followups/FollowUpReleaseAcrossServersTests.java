package org.rapport.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.rapport.followups.FollowUpFixtures.aReferral;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.testing.TestOrganisation.Staff;
import org.rapport.testing.TravellingClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The hourly release when several servers share the database (decision record 19): its scheduled
 * run takes the {@code follow-up-release} lock, so while another server holds it nothing falls due
 * here, and two runs at once release once. Robin's work closed a month ago with follow-ups one,
 * three and six months on, so a release that runs makes the first one due.
 */
@SpringBootTest
@Import(TravellingClock.Configuration.class)
class FollowUpReleaseAcrossServersTests {

    static final String ANOTHER_SERVER = "rapport-2.internal (pid 4242)";

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired FollowUpRelease schedule;
    @Autowired JdbcClient jdbc;
    @Autowired TravellingClock clock;
    @MockitoSpyBean FollowUpManagement followUps;

    FollowUpFixtures riverside;
    Staff ash;
    RelationshipId robin;

    @BeforeEach
    void robinsFirstFollowUpHasComeAndNoServerHoldsTheLock() {
        clock.reset();
        LocalDate today = LocalDate.now(clock);
        riverside = new FollowUpFixtures(accounts, people, relationships, events, transactions, "Riverside Counselling");
        ash = riverside.aHelper("Ash Marlow");
        robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Quill", ash, today.minusMonths(3))));
        riverside.closeWithFollowUps(ash, robin, today, List.of(today.plusMonths(1), today.plusMonths(3), today.plusMonths(6)),
                "phq-9");
        clock.travelTo(today.plusMonths(1));
        theLockRunsOut();
    }

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** Another server took the release's lock, by the database's clock, for ten minutes more. */
    void anotherServerIsReleasing() {
        jdbc.sql("""
                insert into scheduled_work_lock (name, lock_until, locked_at, locked_by)
                values (:name, timezone('utc', current_timestamp) + interval '10 minutes', timezone('utc', current_timestamp), :by)
                on conflict (name) do update
                    set lock_until = excluded.lock_until, locked_at = excluded.locked_at, locked_by = excluded.locked_by""")
                .param("name", FollowUpRelease.LOCK).param("by", ANOTHER_SERVER).update();
    }

    /** The holder stopped (or its minute at least has passed): its lock ran out a second ago. */
    void theLockRunsOut() {
        jdbc.sql("update scheduled_work_lock set lock_until = timezone('utc', current_timestamp) - interval '1 second' where name = :name")
                .param("name", FollowUpRelease.LOCK).update();
    }

    List<FollowUpStatus> robinsFollowUps() {
        return riverside.as(ash, () -> followUps.followUpsOf(robin)).stream().map(FollowUpView::status).toList();
    }

    long fellDueInTheAudit() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from audit_entry where detail = 'a follow-up check-in fell due'")
                .query(Long.class).single());
    }

    List<Map<String, Object>> lockRows() {
        return jdbc.sql("""
                select locked_by, lock_until >= locked_at + interval '1 minute' as kept_a_minute
                from scheduled_work_lock where name = :name""")
                .param("name", FollowUpRelease.LOCK).query().listOfRows();
    }

    static String thisServer() {
        return "(pid " + ProcessHandle.current().pid() + ")";
    }

    @Test
    void releasesNothingWhileAnotherServerHoldsTheLockAndReleasesOnceItHasRunOut() {
        anotherServerIsReleasing();

        schedule.release();

        verify(followUps, never()).releaseDue();
        assertThat(robinsFollowUps()).containsOnly(FollowUpStatus.SCHEDULED);
        assertThat(lockRows()).singleElement().satisfies(row -> assertThat(row.get("locked_by")).isEqualTo(ANOTHER_SERVER));

        theLockRunsOut();
        schedule.release();

        verify(followUps).releaseDue();
        assertThat(robinsFollowUps()).containsExactly(FollowUpStatus.DUE, FollowUpStatus.SCHEDULED, FollowUpStatus.SCHEDULED);
        assertThat(lockRows()).singleElement()
                .satisfies(row -> assertThat((String) row.get("locked_by")).endsWith(thisServer()));
    }

    @Test
    void twoRunsAtOnceReleaseOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = servers.invokeAll(List.of(
                    () -> { together.await(); schedule.release(); return null; },
                    () -> { together.await(); schedule.release(); return null; }));
            for (Future<Object> run : runs) run.get();
        } finally {
            servers.shutdown();
        }

        verify(followUps, times(1)).releaseDue();
        assertThat(robinsFollowUps()).containsExactly(FollowUpStatus.DUE, FollowUpStatus.SCHEDULED, FollowUpStatus.SCHEDULED);
        assertThat(fellDueInTheAudit()).isEqualTo(1);
        assertThat(lockRows()).singleElement().satisfies(row -> {
            assertThat((String) row.get("locked_by")).endsWith(thisServer());
            assertThat(row.get("kept_a_minute")).as("held at least a minute after the release").isEqualTo(true);
        });
    }
}

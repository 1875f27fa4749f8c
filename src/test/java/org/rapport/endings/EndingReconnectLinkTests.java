package org.rapport.endings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.endings.EndingFixtures.aReferral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.shared.RuleBroken;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * With someone issuing reconnect links (as the follow-ups module will), closing keeps the link for
 * the letter; and a listener of {@link RelationshipClosed} that fails undoes the closing whole.
 */
@SpringBootTest
@Import(EndingReconnectLinkTests.Links.class)
class EndingReconnectLinkTests {

    @TestConfiguration
    static class Links {
        final List<RelationshipId> issued = new ArrayList<>();
        boolean failNextClosing;

        @Bean
        @Primary
        ReconnectLinks reconnectLinks() {
            return relationship -> {
                issued.add(relationship);
                return "/reconnect/secret-" + issued.size();
            };
        }

        @EventListener
        void onClosed(RelationshipClosed closed) {
            if (failNextClosing) {
                failNextClosing = false;
                throw new RuleBroken("The follow-ups could not be scheduled.");
            }
        }
    }

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired EndingManagement endings;
    @Autowired Links links;
    @Autowired Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void keepsTheReconnectLinkForTheLetterAndUndoesTheClosingWhenAListenerFails() {
        EndingFixtures riverside = new EndingFixtures(accounts, people, "Riverside Counselling");
        Staff ash = riverside.aHelper("Ash Marlow");
        LocalDate today = LocalDate.now(clock);
        RelationshipId robin = riverside.as(ash, () -> relationships.refer(aReferral("Robin Fairweather", ash, today.minusWeeks(8))));
        riverside.run(ash, () -> relationships.changeStatus(robin, relationships.describe(robin).version(),
                RelationshipStatus.ACTIVE, "Taken on"));
        int version = riverside.as(ash, () -> relationships.describe(robin).version());

        links.failNextClosing = true;
        assertThatThrownBy(() -> riverside.as(ash, () -> endings.closeUnplanned(robin,
                new UnplannedClosing(version, "declined-further-help", null, null, List.of(today.plusMonths(1)), "phq-9"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("follow-ups could not be scheduled");
        assertThat(riverside.as(ash, () -> relationships.describe(robin).status())).isEqualTo(RelationshipStatus.ACTIVE);
        assertThat(riverside.inScope(() -> endingsStored(robin))).isZero();

        ClosedEnding closed = riverside.as(ash, () -> endings.closeUnplanned(robin,
                new UnplannedClosing(version, "declined-further-help", null, null, List.of(today.plusMonths(1)), "phq-9")));
        assertThat(closed.reconnectPath()).startsWith("/reconnect/secret-");
        EndingLetter letter = riverside.as(ash, () -> endings.letter(robin));
        assertThat(letter.reconnectPath()).isEqualTo(closed.reconnectPath());
        assertThat(letter.reasonToClient()).contains("do not want further help");
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long endingsStored(RelationshipId id) {
        return jdbc.sql("select count(*) from ending where relationship_id = ?").param(id.value()).query(Long.class).single();
    }
}

package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.measures.MeasureFixtures.aReferral;
import static org.rapport.measures.MeasureFixtures.ownInstrument;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.accounts.AccountManagement;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.testing.TestOrganisation.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An organisation's own instruments against PostgreSQL with row-level security: seen only by the
 * organisation that added them, refused when the key is taken or the text is wrong, and given to a
 * client and scored like a shipped one.
 */
@SpringBootTest
class OwnInstrumentsIntegrationTests {

    @Autowired AccountManagement accounts;
    @Autowired PeopleManagement people;
    @Autowired RelationshipManagement relationships;
    @Autowired MeasureManagement measures;
    @Autowired InstrumentCatalogue catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    MeasureFixtures riverside;
    Staff sam;
    Staff ash;

    @BeforeEach
    void anOrganisationWithAnAdminAndAHelper() {
        riverside = new MeasureFixtures(accounts, people, "Riverside Counselling");
        sam = riverside.anAdmin("Sam Okafor");
        ash = riverside.aHelper("Ash Marlow");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOwnInstrumentIsOfferedOnlyToItsOrganisation() {
        riverside.as(sam, () -> catalogue.addOwn(ownInstrument("wellbeing-pair")));

        assertThat(riverside.as(ash, () -> measures.instruments()).stream().map(InstrumentDefinition::key))
                .containsExactly("phq-9", "gad-7", "core-10", "rapport-check-in", "wellbeing-pair");
        assertThat(riverside.as(ash, () -> catalogue.find("wellbeing-pair"))).isPresent();

        MeasureFixtures hillside = new MeasureFixtures(accounts, people, "Hillside Counselling");
        Staff lee = hillside.aHelper("Lee Marsh");
        assertThat(hillside.as(lee, () -> catalogue.all()).stream().map(InstrumentDefinition::key))
                .containsExactly("phq-9", "gad-7", "core-10", "rapport-check-in");
        assertThat(hillside.as(lee, () -> catalogue.find("wellbeing-pair"))).isEmpty();
        assertThatThrownBy(() -> hillside.as(lee, () -> measures.instrument("wellbeing-pair")))
                .isInstanceOf(RecordNotFound.class);
        // Row-level security: even a query without the organisation in its where clause sees none.
        assertThat(hillside.inScope(() -> jdbc.sql("select count(*) from own_instrument").query(Long.class).single()))
                .isZero();
    }

    @Test
    void anotherOrganisationMayUseTheSameKey() {
        riverside.as(sam, () -> catalogue.addOwn(ownInstrument("wellbeing-pair")));
        MeasureFixtures hillside = new MeasureFixtures(accounts, people, "Hillside Counselling");
        Staff kit = hillside.anAdmin("Kit Sorensen");

        assertThat(hillside.as(kit, () -> catalogue.addOwn(ownInstrument("wellbeing-pair"))).key()).isEqualTo("wellbeing-pair");
    }

    @Test
    void refusesAKeyAlreadyTakenByAShippedOrAnOwnInstrument() {
        assertThatThrownBy(() -> riverside.as(sam, () -> catalogue.addOwn(ownInstrument("phq-9"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("ships with Rapport").hasMessageContaining("'phq-9'");

        riverside.as(sam, () -> catalogue.addOwn(ownInstrument("wellbeing-pair")));
        assertThatThrownBy(() -> riverside.as(sam, () -> catalogue.addOwn(ownInstrument("wellbeing-pair"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("already has an instrument with the key 'wellbeing-pair'");
        assertThat(ownRows()).isEqualTo(1);
    }

    @Test
    void refusesAKeyThatNamesAnAdminPage() {
        assertThatThrownBy(() -> riverside.as(sam, () -> catalogue.addOwn(ownInstrument("new"))))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("kept for Rapport's own use");
        assertThat(ownRows()).isZero();
    }

    @Test
    void refusesAMalformedDefinitionNamingTheLineAndField() {
        String broken = ownInstrument("wellbeing-pair")
                .replace("licence: Written for Rapport's tests.\n", "")
                .replace("answers: how-often }\n  - { link-id: b", "answers: sometimes }\n  - { link-id: b");

        assertThatThrownBy(() -> riverside.as(sam, () -> catalogue.addOwn(broken)))
                .isInstanceOfSatisfying(InvalidInstrument.class, e -> assertThat(e.problems())
                        .extracting(InstrumentProblem::field)
                        .contains("licence", "items[0].answers"))
                .satisfies(e -> assertThat(((InvalidInstrument) e).problems())
                        .filteredOn(p -> p.field().equals("items[0].answers"))
                        .extracting(InstrumentProblem::line).containsExactly(15));
        assertThat(ownRows()).isZero();
    }

    @Test
    void onlyAnAdminAddsAnInstrument() {
        assertThatThrownBy(() -> riverside.as(ash, () -> catalogue.addOwn(ownInstrument("wellbeing-pair"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ownRows()).isZero();
    }

    @Test
    void anOwnInstrumentIsSentAnsweredFromTheLinkAndScored() {
        riverside.as(sam, () -> catalogue.addOwn(ownInstrument("wellbeing-pair")));
        RelationshipId robin = riverside.as(ash,
                () -> relationships.refer(aReferral("Robin Fairweather", ash, LocalDate.now(clock).minusWeeks(2))));
        riverside.run(ash, () -> measures.setPlan(robin,
                List.of(new PlanEntry("wellbeing-pair", PlanTiming.EVERY_N_SESSIONS, 3))));

        SentLink link = riverside.as(ash, () -> measures.send(robin, "wellbeing-pair"));
        String token = link.path().substring("/m/".length());
        assertThat(measures.openByLink(token).instrument().name()).isEqualTo("Made-up wellbeing pair");
        measures.saveByLink(token, Map.of("a", 2, "b", 2), true);

        List<ScoreView> scores = riverside.as(ash, () -> measures.scoresOf(robin));
        assertThat(scores).singleElement().satisfies(view -> {
            assertThat(view.instrumentKey()).isEqualTo("wellbeing-pair");
            assertThat(view.label()).isEqualTo("Made-up wellbeing pair (not a validated instrument)");
            assertThat(view.scores()).singleElement().satisfies(score -> {
                assertThat(score.total()).isEqualTo(4);
                assertThat(score.band()).isEqualTo("High");
                assertThat(score.meetsCutOff()).isTrue();
            });
        });
        assertThat(riverside.as(ash, () -> measures.plan(robin)).summary()).isEqualTo("WELLBEING-PAIR every 3 sessions");
    }

    private long ownRows() {
        return riverside.inScope(() -> jdbc.sql("select count(*) from own_instrument").query(Long.class).single());
    }
}

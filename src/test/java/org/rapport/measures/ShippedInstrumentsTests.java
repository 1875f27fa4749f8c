package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShippedInstrumentsTests {

    private static final ShippedInstruments shipped = new ShippedInstruments();

    @Test
    void offersPhq9Gad7Core10AndTheCheckInInOrder() {
        assertThat(shipped.all()).extracting(InstrumentDefinition::key)
                .containsExactly("phq-9", "gad-7", "core-10", "rapport-check-in");
        assertThat(shipped.find("gad-7")).get().extracting(InstrumentDefinition::name)
                .isEqualTo("Generalized Anxiety Disorder scale (GAD-7)");
    }

    @Test
    void shipsThePublishedCore10WordingWithTheTrustsAttribution() {
        var core10 = shipped.find("core-10").orElseThrow();

        assertThat(core10.introduction()).isEqualTo("Over the last week...");
        assertThat(core10.items()).extracting(Item::text).containsExactly(
                "I have felt tense, anxious or nervous",
                "I have felt I have someone to turn to for support when needed",
                "I have felt able to cope when things go wrong",
                "Talking to people has felt too much for me",
                "I have felt panic or terror",
                "I made plans to end my life",
                "I have had difficulty getting to sleep or staying asleep",
                "I have felt despairing or hopeless",
                "I have felt unhappy",
                "Unwanted images or memories have been distressing me");
        assertThat(core10.items()).filteredOn(Item::reverseKeyed).extracting(Item::linkId).containsExactly("2", "3");
        assertThat(core10.riskItems()).extracting(Item::linkId).containsExactly("6");
        assertThat(core10.recallPeriod()).isEqualTo("the last week");
        assertThat(core10.attribution()).isEqualTo("© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf");
        assertThat(core10.licence()).contains("CC BY-NC-ND 4.0").contains("may not be altered");
    }

    @Test
    void namesEachShippedInstrumentBrieflyByItsShortName() {
        assertThat(shipped.all()).extracting(InstrumentDefinition::briefName).containsExactly("PHQ-9", "GAD-7", "CORE-10", "Check-in");
    }

    @Test
    void shipsThePublishedPhq9Wording() {
        var phq9 = shipped.find("phq-9").orElseThrow();

        assertThat(phq9.introduction())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
        assertThat(phq9.items()).extracting(Item::text).containsExactly(
                "Little interest or pleasure in doing things",
                "Feeling down, depressed, or hopeless",
                "Trouble falling or staying asleep, or sleeping too much",
                "Feeling tired or having little energy",
                "Poor appetite or overeating",
                "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
                "Trouble concentrating on things, such as reading the newspaper or watching television",
                "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so"
                        + " fidgety or restless that you have been moving around a lot more than usual",
                "Thoughts that you would be better off dead or of hurting yourself in some way");
        assertThat(phq9.items()).extracting(Item::linkId).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(phq9.riskItems()).extracting(Item::linkId).containsExactly("9");
        assertThat(phq9.items()).noneMatch(Item::reverseKeyed);
        assertThat(phq9.recallPeriod()).isEqualTo("the last 2 weeks");
    }

    @Test
    void shipsThePublishedGad7WordingWithNotAtAllAsItsLowestAnswer() {
        var gad7 = shipped.find("gad-7").orElseThrow();

        assertThat(gad7.introduction())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by the following problems?");
        assertThat(gad7.items()).extracting(Item::text).containsExactly(
                "Feeling nervous, anxious, or on edge",
                "Not being able to stop or control worrying",
                "Worrying too much about different things",
                "Trouble relaxing",
                "Being so restless that it’s hard to sit still",
                "Becoming easily annoyed or irritable",
                "Feeling afraid as if something awful might happen");
        assertThat(gad7.riskItems()).isEmpty();
        assertThat(gad7.optionsFor(gad7.items().get(0)).get(0).display()).isEqualTo("Not at all");
    }

    @Test
    void answersBothQuestionnairesOnTheSameFourPointScaleWithItsLoincAnswers() {
        for (String key : new String[] {"phq-9", "gad-7"}) {
            var instrument = shipped.find(key).orElseThrow();
            for (var item : instrument.items()) {
                assertThat(instrument.optionsFor(item))
                        .extracting(AnswerOption::value, AnswerOption::display, AnswerOption::loinc)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(0, "Not at all", "LA6568-5"),
                                org.assertj.core.groups.Tuple.tuple(1, "Several days", "LA6569-3"),
                                org.assertj.core.groups.Tuple.tuple(2, "More than half the days", "LA6570-1"),
                                org.assertj.core.groups.Tuple.tuple(3, "Nearly every day", "LA6571-9"));
            }
        }
    }

    @Test
    void carriesTheLoincCodesForPanelTotalAndItems() {
        var phq9 = shipped.find("phq-9").orElseThrow();
        var gad7 = shipped.find("gad-7").orElseThrow();

        assertThat(phq9.loincPanel()).isEqualTo("44249-1");
        assertThat(phq9.loincTotal()).isEqualTo("44261-6");
        assertThat(phq9.items().get(0).loinc()).isEqualTo("44250-9");
        assertThat(phq9.items().get(8).loinc()).isEqualTo("44260-8");
        assertThat(gad7.loincPanel()).isEqualTo("69737-5");
        assertThat(gad7.loincTotal()).isEqualTo("70274-6");
        assertThat(gad7.items().get(0).loinc()).isEqualTo("69725-0");
    }

    @Test
    void keepsThePfizerAttributionAndThePermissionStatement() {
        for (String key : new String[] {"phq-9", "gad-7"}) {
            var instrument = shipped.find(key).orElseThrow();
            assertThat(instrument.validated()).isTrue();
            assertThat(instrument.attribution()).startsWith("Developed by Drs. Robert L. Spitzer, Janet B.W. Williams,"
                    + " Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.");
            assertThat(instrument.licence())
                    .isEqualTo("No permission required to reproduce, translate, display or distribute.");
            assertThat(instrument.label()).isEqualTo(instrument.name());
        }
    }

    @Test
    void statesCasenessAndReliableChangeAsNhsTalkingTherapiesDefinesThem() {
        var phq9 = shipped.find("phq-9").orElseThrow().scoring();
        var gad7 = shipped.find("gad-7").orElseThrow().scoring();

        assertThat(phq9.cutOff()).extracting(CutOff::value, CutOff::inclusive).containsExactly(10.0, true);
        assertThat(phq9.reliableChange()).isEqualTo(6.0);
        assertThat(gad7.cutOff()).extracting(CutOff::value, CutOff::inclusive).containsExactly(8.0, true);
        assertThat(gad7.cutOff().meaning()).contains("10");
        assertThat(gad7.reliableChange()).isEqualTo(4.0);
        assertThat(phq9.higherIsBetter()).isFalse();
        assertThat(phq9.maxMissing()).isZero();
        assertThat(gad7.maxMissing()).isZero();
    }

    @Test
    void labelsTheCheckInAsNotAValidatedInstrument() {
        var checkIn = shipped.find("rapport-check-in").orElseThrow();

        assertThat(checkIn.validated()).isFalse();
        assertThat(checkIn.label()).isEqualTo("Rapport session check-in (not a validated instrument)");
        assertThat(checkIn.items()).extracting(Item::linkId)
                .containsExactly("empathy", "regard", "congruence", "goal", "task");
        assertThat(checkIn.optionsFor(checkIn.items().get(0))).extracting(AnswerOption::value)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(checkIn.optionsFor(checkIn.items().get(0)).get(0).display()).isEqualTo("Not at all");
        assertThat(checkIn.optionsFor(checkIn.items().get(0)).get(10).display()).isEqualTo("Completely");
        assertThat(checkIn.scoring().higherIsBetter()).isTrue();
        assertThat(checkIn.scoring().cutOff().value()).isEqualTo(45.0);
        assertThat(checkIn.scoring().reliableChange()).isNull();
        assertThat(checkIn.riskItems()).isEmpty();
        assertThat(checkIn.lowestTotal()).isZero();
        assertThat(checkIn.highestTotal()).isEqualTo(50.0);
    }
}

package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each invalid example changes one line of a valid file; the numbers on the right are its lines. */
class InstrumentFormatTests {

    private static final String VALID = """
            key: test-scale
            name: Test scale
            version: "2"
            description: A scale for these tests.
            recall-period: the last week
            introduction: How often have you felt this way?
            validated: true
            licence: Written for these tests.
            attribution: Rapport tests.
            loinc:
              panel: 12345-6
              total: 12346-4
            answer-sets:
              - key: often
                options:
                  - { code: never, display: Never, value: 0, loinc: LA6568-5 }
                  - { code: sometimes, display: Sometimes, value: 1 }
                  - { code: often, display: Often, value: 2 }
            items:
              - link-id: a
                text: First
                answers: often
                loinc: 44250-9
              - link-id: b
                text: Second
                answers: often
                reverse-keyed: true
                risk: true
            scoring:
              method: sum
              higher-is: worse
              max-missing: 1
              rounding: half-up
              bands:
                - { from: 0, to: 1, label: Low }
                - { from: 2, to: 4, label: High }
              cut-off:
                value: 2
                rule: at-or-above
                meaning: Two or more is high.
              reliable-change: 2
            """;
    // A missing field is reported on the first line of the fields it belongs in.
    // lines: 1 key, 7 validated, 10 loinc, 11 panel, 13 answer-sets, 14 - key: often, 15 options, 16-18 options,
    // 19 items, 20 - link-id: a, 22 answers, 23 loinc, 24 - link-id: b, 27 reverse-keyed, 28 risk, 29 scoring,
    // 30 method, 31 higher-is, 32 max-missing, 33 rounding, 34 bands, 35-36 bands, 37 cut-off, 38 value, 39 rule,
    // 40 meaning, 41 reliable-change

    @Nested
    class ReadingAValidDefinition {

        @Test
        void readsEveryField() {
            var instrument = InstrumentFormat.parse(VALID);

            assertThat(instrument.key()).isEqualTo("test-scale");
            assertThat(instrument.name()).isEqualTo("Test scale");
            assertThat(instrument.version()).isEqualTo("2");
            assertThat(instrument.description()).isEqualTo("A scale for these tests.");
            assertThat(instrument.recallPeriod()).isEqualTo("the last week");
            assertThat(instrument.introduction()).isEqualTo("How often have you felt this way?");
            assertThat(instrument.validated()).isTrue();
            assertThat(instrument.licence()).isEqualTo("Written for these tests.");
            assertThat(instrument.attribution()).isEqualTo("Rapport tests.");
            assertThat(instrument.loincPanel()).isEqualTo("12345-6");
            assertThat(instrument.loincTotal()).isEqualTo("12346-4");
            assertThat(instrument.answerSets()).singleElement().satisfies(set -> {
                assertThat(set.key()).isEqualTo("often");
                assertThat(set.options()).containsExactly(
                        new AnswerOption("never", "Never", 0, "LA6568-5"),
                        new AnswerOption("sometimes", "Sometimes", 1, null),
                        new AnswerOption("often", "Often", 2, null));
            });
            assertThat(instrument.items()).containsExactly(
                    new Item("a", "First", "often", false, false, "44250-9"),
                    new Item("b", "Second", "often", true, true, null));
            var scoring = instrument.scoring();
            assertThat(scoring.method()).isEqualTo(Scoring.Method.SUM);
            assertThat(scoring.higherIsBetter()).isFalse();
            assertThat(scoring.maxMissing()).isEqualTo(1);
            assertThat(scoring.rounding()).isEqualTo(Scoring.Rounding.HALF_UP);
            assertThat(scoring.bands()).containsExactly(new SeverityBand(0, 1, "Low"), new SeverityBand(2, 4, "High"));
            assertThat(scoring.cutOff()).isEqualTo(new CutOff(2, true, "Two or more is high."));
            assertThat(scoring.reliableChange()).isEqualTo(2.0);
            assertThat(scoring.reliability()).isNull();
            assertThat(scoring.standardDeviation()).isNull();
        }

        @Test
        void leavesOutOptionalFields() {
            var instrument = InstrumentFormat.parse(VALID
                    .replace("description: A scale for these tests.\n", "")
                    .replace("introduction: How often have you felt this way?\n", "")
                    .replace("loinc:\n  panel: 12345-6\n  total: 12346-4\n", "")
                    .replace("  rounding: half-up\n", "")
                    .replace("  reliable-change: 2\n", "")
                    .replace("""
                              cut-off:
                                value: 2
                                rule: at-or-above
                                meaning: Two or more is high.
                            """, "")
                    .replace("""
                              bands:
                                - { from: 0, to: 1, label: Low }
                                - { from: 2, to: 4, label: High }
                            """, ""));

            assertThat(instrument.description()).isEmpty();
            assertThat(instrument.introduction()).isEmpty();
            assertThat(instrument.loincPanel()).isNull();
            assertThat(instrument.scoring().rounding()).isEqualTo(Scoring.Rounding.NONE);
            assertThat(instrument.scoring().bands()).isEmpty();
            assertThat(instrument.scoring().cutOff()).isNull();
            assertThat(instrument.scoring().reliableChange()).isNull();
        }

        @Test
        void acceptsReliabilityAndStandardDeviationInsteadOfAReliableChangeValue() {
            var scoring = InstrumentFormat.parse(VALID.replace("  reliable-change: 2",
                    "  reliability: 0.84\n  standard-deviation: 5")).scoring();

            assertThat(scoring.reliability()).isEqualTo(0.84);
            assertThat(scoring.standardDeviation()).isEqualTo(5.0);
            assertThat(scoring.reliableChange()).isNull();
        }

        @Test
        void addsTheNotValidatedNoticeToTheLabelOfAnInstrumentThatIsNot() {
            var instrument = InstrumentFormat.parse(VALID.replace("validated: true", "validated: false"));

            assertThat(instrument.validated()).isFalse();
            assertThat(instrument.name()).isEqualTo("Test scale");
            assertThat(instrument.label()).isEqualTo("Test scale (not a validated instrument)");
        }
    }

    @Test
    void readsTheExampleInTheFormatGuide() throws Exception {
        String guide;
        try (var in = InstrumentFormatTests.class.getResourceAsStream("/instruments/FORMAT.md")) {
            guide = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        int start = guide.indexOf("```yaml\n") + "```yaml\n".length();
        String example = guide.substring(start, guide.indexOf("```", start));

        var instrument = InstrumentFormat.parse(example);

        assertThat(instrument.key()).isEqualTo("two-questions");
        assertThat(instrument.label()).isEqualTo("Two question example (not a validated instrument)");
        assertThat(instrument.score(java.util.Map.of("1", 2, "2", 2)).band()).isEqualTo("High");
    }

    static Stream<Arguments> oneLineWrong() {
        return Stream.of(
                Arguments.of("key: test-scale", "key: Test Scale", 1, "key",
                        "a key uses only lower-case letters, digits and single hyphens between them, like 'phq-9';"
                                + " found 'Test Scale'"),
                Arguments.of("name: Test scale", "name: ''", 2, "name", "'name' is blank"),
                Arguments.of("introduction: How often", "intro: How often", 6, "intro",
                        "unknown field 'intro'; the fields allowed here are key, name, short-name, version, description,"
                                + " recall-period, introduction, validated, licence, attribution, loinc, answer-sets,"
                                + " items, scoring"),
                Arguments.of("validated: true", "validated: perhaps", 7, "validated",
                        "expected true or false, found 'perhaps'"),
                Arguments.of("licence: Written for these tests.", "licence:", 8, "licence", "'licence' is blank"),
                Arguments.of("attribution: Rapport tests.", "attribution: [Rapport]", 9, "attribution",
                        "expected text, found a list"),
                Arguments.of("  panel: 12345-6", "  panel: 12345", 11, "loinc.panel",
                        "a LOINC code is digits, a hyphen and a check digit, like '44249-1'; found '12345'"),
                Arguments.of("value: 0, loinc: LA6568-5 }", "value: 0, loinc: 6568-5 }", 16,
                        "answer-sets[0].options[0].loinc", "a LOINC answer code looks like 'LA6568-5'; found '6568-5'"),
                Arguments.of("{ code: sometimes, display: Sometimes, value: 1 }",
                        "{ code: never, display: Sometimes, value: 1 }", 17, "answer-sets[0].options[1].code",
                        "the code 'never' is already used by answer-sets[0].options[0]"),
                Arguments.of("{ code: often, display: Often, value: 2 }", "{ code: often, display: Often, value: 1 }",
                        18, "answer-sets[0].options[2].value",
                        "the value 1 is already used by answer-sets[0].options[1]; each answer must score differently"),
                Arguments.of("{ code: often, display: Often, value: 2 }", "{ code: often, display: Often, value: two }",
                        18, "answer-sets[0].options[2].value", "expected a whole number, found 'two'"),
                Arguments.of("{ code: often, display: Often, value: 2 }", "{ code: often, value: 2 }",
                        18, "answer-sets[0].options[2].display", "'display' is missing"),
                Arguments.of("    answers: often\n    loinc: 44250-9", "    answers: sometimes\n    loinc: 44250-9", 22,
                        "items[0].answers", "there is no answer set 'sometimes'; the answer sets are often"),
                Arguments.of("  - link-id: b", "  - link-id: a", 24, "items[1].link-id",
                        "the link id 'a' is already used by items[0]"),
                Arguments.of("  - link-id: b", "  - link-id: b c", 24, "items[1].link-id",
                        "a link id is one to 40 letters, digits, dots, hyphens or underscores, like '9' or 'goal';"
                                + " found 'b c'"),
                Arguments.of("    reverse-keyed: true", "    reverse-keyed: yes please", 27, "items[1].reverse-keyed",
                        "expected true or false, found 'yes please'"),
                Arguments.of("    risk: true", "    risky: true", 28, "items[1].risky",
                        "unknown field 'risky'; the fields allowed here are link-id, text, answers, reverse-keyed,"
                                + " risk, loinc"),
                Arguments.of("  method: sum", "  method: average", 30, "scoring.method",
                        "expected one of sum, mean-times-10; found 'average'"),
                Arguments.of("  higher-is: worse", "  higher-is: higher", 31, "scoring.higher-is",
                        "expected one of worse, better; found 'higher'"),
                Arguments.of("  max-missing: 1", "  max-missing: 2", 32, "scoring.max-missing",
                        "at most 1 of the 2 items may be missing, so that at least one is answered"),
                Arguments.of("  max-missing: 1", "  max-missing: -1", 32, "scoring.max-missing",
                        "expected a whole number from 0 to 100, found -1"),
                Arguments.of("  rounding: half-up", "  rounding: nearest", 33, "scoring.rounding",
                        "expected one of none, half-up, up, down; found 'nearest'"),
                Arguments.of("{ from: 2, to: 4, label: High }", "{ from: 3, to: 4, label: High }", 36,
                        "scoring.bands[1].from",
                        "bands must follow on without gaps or overlaps: after a band ending at 1 the next starts at 2,"
                                + " not 3"),
                Arguments.of("{ from: 2, to: 4, label: High }", "{ from: 1, to: 4, label: High }", 36,
                        "scoring.bands[1].from",
                        "bands must follow on without gaps or overlaps: after a band ending at 1 the next starts at 2,"
                                + " not 1"),
                Arguments.of("{ from: 0, to: 1, label: Low }", "{ from: 1, to: 0, label: Low }", 35,
                        "scoring.bands[0].to", "a band runs from its lower total to its higher one; 0 is below 1"),
                Arguments.of("{ from: 0, to: 1, label: Low }", "{ from: 1, to: 1, label: Low }", 35,
                        "scoring.bands[0].from", "the first band must start at the lowest possible total, 0, not 1"),
                Arguments.of("{ from: 2, to: 4, label: High }", "{ from: 2, to: 5, label: High }", 36,
                        "scoring.bands[1].to", "the last band must end at the highest possible total, 4, not 5"),
                Arguments.of("{ from: 2, to: 4, label: High }", "{ from: 2, to: 4 }", 36,
                        "scoring.bands[1].label", "'label' is missing"),
                Arguments.of("    value: 2", "    value: 5", 38, "scoring.cut-off.value",
                        "the cut-off 5 is outside the totals this instrument can give (0 to 4)"),
                Arguments.of("    value: 2", "    value: ten", 38, "scoring.cut-off.value",
                        "expected a number such as 6 or 0.84, found 'ten'"),
                Arguments.of("    rule: at-or-above", "    rule: at-least", 39, "scoring.cut-off.rule",
                        "expected one of at-or-above, above; found 'at-least'"),
                Arguments.of("  reliable-change: 2", "  reliable-change: 0", 41, "scoring.reliable-change",
                        "a reliable-change value is a number of points greater than 0"),
                Arguments.of("  reliable-change: 2", "  reliable-change: 5", 41, "scoring.reliable-change",
                        "a reliable change of 5 points is more than the whole range of totals (4)"),
                Arguments.of("  reliable-change: 2", "  reliability: 1.2\n  standard-deviation: 5", 41,
                        "scoring.reliability", "a reliability is a number between 0 and 1, such as 0.84"),
                Arguments.of("  reliable-change: 2", "  reliability: 0.8\n  standard-deviation: 0", 42,
                        "scoring.standard-deviation", "a standard deviation is a number greater than 0"),
                Arguments.of("  reliable-change: 2", "  reliability: 0.8", 41, "scoring.reliability",
                        "reliability and standard-deviation go together: give both, so reliable change can be"
                                + " computed, or neither"),
                Arguments.of("  reliable-change: 2", "  reliable-change: 2\n  reliability: 0.8\n  standard-deviation: 5",
                        42, "scoring.reliability", "give either a reliable-change value or the reliability and"
                                + " standard deviation to compute one, not both"));
    }

    @ParameterizedTest(name = "line {2}, {3}: {4}")
    @MethodSource("oneLineWrong")
    void refusesAWrongLineNamingItsLineAndField(String line, String replacement, int number, String field,
            String message) {
        assertThat(VALID).contains(line);

        var problems = problems(VALID.replace(line, replacement));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(tuple(number, field, message));
    }

    @Test
    void namesEveryMissingRequiredField() {
        var problems = problems("description: Nothing else here.\n");

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(
                        tuple(1, "key", "'key' is missing"),
                        tuple(1, "name", "'name' is missing"),
                        tuple(1, "version", "'version' is missing"),
                        tuple(1, "recall-period", "'recall-period' is missing"),
                        tuple(1, "validated", "'validated' is missing; write true or false"),
                        tuple(1, "licence", "'licence' is missing"),
                        tuple(1, "attribution", "'attribution' is missing"),
                        tuple(1, "answer-sets", "an instrument needs at least one answer set"),
                        tuple(1, "items", "an instrument needs at least one item"),
                        tuple(1, "scoring", "'scoring' is missing"));
    }

    @Test
    void namesTheMissingPartsOfTheScoringRule() {
        var problems = problems(VALID.replace("  method: sum\n  higher-is: worse\n  max-missing: 1\n", ""));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(
                        tuple(30, "scoring.method", "'method' is missing"),
                        tuple(30, "scoring.higher-is", "'higher-is' is missing"),
                        tuple(30, "scoring.max-missing", "'max-missing' is missing"));
    }

    @Test
    void refusesAFieldGivenTwice() {
        var problems = problems(VALID.replace("name: Test scale\n", "name: Test scale\nname: Other scale\n"));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(tuple(3, "name", "'name' is given more than once"));
    }

    @Test
    void refusesAnAnswerSetNoItemUses() {
        var problems = problems(VALID.replace("items:\n", """
                  - key: agree
                    options:
                      - { code: "no", display: Disagree, value: 0 }
                      - { code: "yes", display: Agree, value: 1 }
                items:
                """));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(tuple(13, "answer-sets",
                        "the answer set 'agree' is not used by any item; remove it or refer to it"));
    }

    @Test
    void refusesAnAnswerSetWithOneOptionOrARepeatedKey() {
        var problems = problems(VALID.replace("items:\n", """
                  - key: often
                    options:
                      - { code: "no", display: Disagree, value: 0 }
                items:
                """));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(
                        tuple(19, "answer-sets[1].key", "the answer set key 'often' is already used by answer-sets[0]"),
                        tuple(20, "answer-sets[1].options", "an answer set needs at least two options"));
    }

    @Test
    void refusesAnEmptyFile() {
        assertThat(problems("  \n")).extracting(InstrumentProblem::line, InstrumentProblem::message)
                .containsExactly(tuple(1, "the file is empty"));
    }

    @Test
    void refusesAListInsteadOfADefinition() {
        assertThat(problems("- key: test\n")).extracting(InstrumentProblem::line, InstrumentProblem::field)
                .containsExactly(tuple(1, ""));
    }

    @Test
    void refusesBrokenYamlNamingTheLine() {
        var problems = problems(VALID.replace("  method: sum", "  method: [sum"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isBetween(30, 31);
        assertThat(problems.get(0).message()).startsWith("this is not valid YAML");
    }

    @Test
    void refusesAFileOverTheSizeLimit() {
        var problems = problems(VALID + "# " + "x".repeat(InstrumentFormat.MAX_BYTES) + "\n");

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::message).containsExactly(tuple(1,
                "the file is larger than 200 kB; an instrument definition must be smaller than that"));
    }

    @Test
    void refusesOverLongText() {
        var problems = problems(VALID.replace("name: Test scale", "name: " + "a".repeat(121)));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(tuple(2, "name", "this can be at most 120 characters; it has 121"));
    }

    @Test
    void refusesAnOverLongShortNameNamingTheField() {
        var problems = problems(VALID.replace("name: Test scale\n", "name: Test scale\nshort-name: " + "S".repeat(21) + "\n"));

        assertThat(problems).extracting(InstrumentProblem::line, InstrumentProblem::field, InstrumentProblem::message)
                .containsExactly(tuple(3, "short-name", "this can be at most 20 characters; it has 21"));
    }

    @Test
    void readsAShortNameAndNamesTheInstrumentBrieflyByIt() {
        var named = InstrumentFormat.parse(VALID.replace("name: Test scale\n", "name: Test scale\nshort-name: TS-2\n"));
        var unnamed = InstrumentFormat.parse(VALID);

        assertThat(named.shortName()).isEqualTo("TS-2");
        assertThat(named.briefName()).isEqualTo("TS-2");
        assertThat(unnamed.shortName()).isNull();
        assertThat(unnamed.briefName()).isEqualTo("TEST-SCALE");
    }

    @Test
    void listsSeveralProblemsInLineOrder() {
        var problems = problems(VALID.replace("  method: sum", "  method: average")
                .replace("key: test-scale", "key: TEST"));

        assertThat(problems).extracting(InstrumentProblem::line).containsExactly(1, 30);
        assertThat(catchThrowableOfType(InvalidInstrument.class,
                        () -> InstrumentFormat.parse(VALID.replace("validated: true", "validated: maybe"))))
                .hasMessage("line 7, validated: expected true or false, found 'maybe'");
    }

    private static List<InstrumentProblem> problems(String yaml) {
        var refused = catchThrowableOfType(InvalidInstrument.class, () -> InstrumentFormat.parse(yaml));
        assertThat(refused).as("the definition should have been refused").isNotNull();
        return refused.problems();
    }
}

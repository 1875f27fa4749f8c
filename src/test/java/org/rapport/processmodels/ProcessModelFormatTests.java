package org.rapport.processmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each invalid example is a whole file; comments on the right give the line numbers the tests expect. */
class ProcessModelFormatTests {

    private final ProcessModelFormat format = new ProcessModelFormat();

    private static final String LISTENING_FIRST = """
            key: listening-first
            name: Listening first
            source: Written for these tests
            description: >
              A small model for checking
              the format.
            phases:
              - key: listening
                name: Listening
                purpose: "Hear the client out: all of it."
                tasks:
                  - Listen
                  - Reflect back what you heard
                skills: [listening, reflection of feelings]
                move-on-when:
                  - The client feels heard
              - key: ending
                name: Ending
                ending: true
                purpose: Close well.
                tasks:
                  - Say goodbye
            """;

    @Nested
    class ReadingAValidModel {

        @Test
        void readsEveryField() {
            var model = format.parse(LISTENING_FIRST, false);

            assertThat(model.key()).isEqualTo("listening-first");
            assertThat(model.name()).isEqualTo("Listening first");
            assertThat(model.source()).isEqualTo("Written for these tests");
            assertThat(model.description()).isEqualTo("A small model for checking the format.");
            assertThat(model.phases()).hasSize(2);
            var listening = model.first();
            assertThat(listening.key()).isEqualTo("listening");
            assertThat(listening.name()).isEqualTo("Listening");
            assertThat(listening.purpose()).isEqualTo("Hear the client out: all of it.");
            assertThat(listening.tasks()).containsExactly("Listen", "Reflect back what you heard");
            assertThat(listening.skills()).containsExactly("listening", "reflection of feelings");
            assertThat(listening.moveOnWhen()).containsExactly("The client feels heard");
            assertThat(listening.ending()).isFalse();
        }

        @Test
        void letsTheEndingLeaveOutSkillsAndSignsToMoveOn() {
            var ending = format.parse(LISTENING_FIRST, false).ending();

            assertThat(ending.key()).isEqualTo("ending");
            assertThat(ending.ending()).isTrue();
            assertThat(ending.skills()).isEmpty();
            assertThat(ending.moveOnWhen()).isEmpty();
        }

        @Test
        void marksTheModelBuiltInOnlyWhenAsked() {
            assertThat(format.parse(LISTENING_FIRST, false).builtIn()).isFalse();
            assertThat(format.parse(LISTENING_FIRST, true).builtIn()).isTrue();
        }

        @Test
        void acceptsAModelWithoutASource() {
            var model = format.parse(LISTENING_FIRST.replace("source: Written for these tests\n", ""), false);

            assertThat(model.source()).isEmpty();
        }
    }

    @Nested
    class RefusingTheWholeFile {

        @Test
        void namesTheLineOfASyntaxError() {
            var problems = problemsIn("""
                    key: broken
                    name: Broken
                    description: A model
                    phases:
                      - key: first
                        name: First
                       purpose: out of line
                    """);

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(7, ""));
            assertThat(problems.get(0).message()).startsWith("this is not valid YAML (").contains("check the indentation");
        }

        @Test
        void refusesASecondDocumentInTheSameFile() {
            var problems = problemsIn(LISTENING_FIRST + "---\nkey: another-model\n");

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(23, ""));
        }

        @Test
        void refusesAFileLargerThan100kB() {
            String padding = "# " + "x".repeat(1000) + "\n";
            var problems = problemsIn(padding.repeat(103) + LISTENING_FIRST);

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(1);
                assertThat(problem.field()).isEmpty();
                assertThat(problem.message()).contains("larger than 100 kB");
            });
        }

        @Test
        void acceptsAFileJustUnder100kB() {
            String padding = "# " + "x".repeat(1000) + "\n";

            assertThat(format.parse(padding.repeat(100) + LISTENING_FIRST, false).key()).isEqualTo("listening-first");
        }

        @Test
        void refusesAnEmptyFile() {
            assertThat(problemsIn("# nothing but a comment\n"))
                    .containsExactly(new ProcessModelProblem(1, "", "the file is empty"));
        }

        @Test
        void refusesAFileThatIsNotAGroupOfFields() {
            assertThat(problemsIn("""
                    - key: listening
                    - key: ending
                    """)).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(1, ""));
        }
    }

    @Nested
    class RefusingFields {

        @Test
        void refusesAnUnknownFieldAndNamesIt() {
            var problems = problemsIn("""
                    key: typo
                    name: Typo
                    description: A model with a misspelt field.
                    phases:
                      - key: listening
                        name: Listening
                        purpose: Hear the client out.
                        tasks: [Listen]
                        move-on-whn: [The client feels heard]
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field).containsExactly(
                    tuple(5, "phases[0].move-on-when"), // so the signals are missing too
                    tuple(9, "phases[0].move-on-whn"));
            assertThat(problems.get(1).message()).contains("unknown field 'move-on-whn'").contains("move-on-when");
        }

        @Test
        void refusesAnUnknownFieldOnTheModel() {
            var problems = problemsIn(LISTENING_FIRST + "author: Someone\n");

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(23, "author"));
        }

        @Test
        void refusesAFieldGivenTwice() {
            var problems = problemsIn(LISTENING_FIRST.replace("name: Listening first\n",
                    "name: Listening first\nname: Listening second\n"));

            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(3);
                assertThat(problem.field()).isEqualTo("name");
                assertThat(problem.message()).contains("more than once");
            });
        }

        @Test
        void namesAMissingRequiredFieldAtTheStartOfItsGroup() {
            var problems = problemsIn("""
                    key: nameless
                    description: A model without a name.
                    phases:
                      - key: listening
                        purpose: Hear the client out.
                        tasks: [Listen]
                        move-on-when: [The client feels heard]
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field, ProcessModelProblem::message)
                    .containsExactly(
                            tuple(1, "name", "'name' is missing"),
                            tuple(4, "phases[0].name", "'name' is missing"));
        }

        @Test
        void refusesABlankRequiredField() {
            var problems = problemsIn(LISTENING_FIRST.replace("    purpose: Close well.", "    purpose: \"  \""));

            assertThat(problems).containsExactly(new ProcessModelProblem(20, "phases[1].purpose", "'purpose' is blank"));
        }

        @Test
        void refusesAFieldLeftEmpty() {
            var problems = problemsIn(LISTENING_FIRST.replace("source: Written for these tests\n", "key:\n")
                    .replace("key: listening-first\n", ""));

            assertThat(problems).containsExactly(new ProcessModelProblem(2, "key", "'key' is blank"));
        }

        @Test
        void refusesAListWhereTextIsExpected() {
            var problems = problemsIn(LISTENING_FIRST.replace("name: Listening first", "name: [Listening, first]"));

            assertThat(problems).containsExactly(new ProcessModelProblem(2, "name", "expected text, found a list"));
        }

        @Test
        void refusesTextWhereAListIsExpected() {
            var problems = problemsIn(LISTENING_FIRST.replace("""
                        tasks:
                          - Say goodbye
                    """, """
                        tasks: Say goodbye
                    """));

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(21, "phases[1].tasks", "expected a list, found 'Say goodbye'"));
        }

        @Test
        void refusesAListEntryThatIsNotText() {
            var problems = problemsIn(LISTENING_FIRST.replace("      - Listen\n", "      - {do: Listen}\n"));

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(12, "phases[0].tasks[0]"));
        }

        @Test
        void refusesAPhaseThatIsNotAGroupOfFields() {
            var problems = problemsIn("""
                    key: loose
                    name: Loose
                    description: A model with a phase that is only a word.
                    phases:
                      - listening
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(5, "phases[0]", "expected the fields of a phase, found 'listening'"));
        }
    }

    @Nested
    class CheckingKeysAndLengths {

        @Test
        void refusesAKeyThatIsNotASlug() {
            var problems = problemsIn(LISTENING_FIRST.replace("  - key: listening\n", "  - key: Listening First\n"));

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(8, "phases[0].key"));
            assertThat(problems.get(0).message()).contains("lower-case letters, digits and single hyphens");
        }

        @Test
        void refusesAKeyWithADoubleHyphen() {
            var problems = problemsIn(LISTENING_FIRST.replace("key: listening-first", "key: listening--first"));

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(1, "key"));
        }

        @Test
        void refusesAKeyLongerThan60Characters() {
            var problems = problemsIn(LISTENING_FIRST.replace("key: listening-first", "key: " + "a".repeat(61)));

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(1, "key", "a key can be at most 60 characters; this one has 61"));
        }

        @Test
        void acceptsAKeyOf60Characters() {
            assertThat(format.parse(LISTENING_FIRST.replace("key: listening-first", "key: " + "a".repeat(60)), false)
                    .key()).hasSize(60);
        }

        @Test
        void refusesANameLongerThan120Characters() {
            var problems = problemsIn(LISTENING_FIRST.replace("    name: Ending", "    name: " + "E".repeat(121)));

            assertThat(problems).containsExactly(new ProcessModelProblem(
                    18, "phases[1].name", "this can be at most 120 characters; it has 121"));
        }

        @Test
        void refusesTextLongerThan2000Characters() {
            var problems = problemsIn(LISTENING_FIRST.replace("A small model for checking", "w".repeat(1989)));

            assertThat(problems).containsExactly(new ProcessModelProblem(
                    4, "description", "this can be at most 2000 characters; it has 2001"));
        }

        @Test
        void refusesAListEntryLongerThan300Characters() {
            var problems = problemsIn(LISTENING_FIRST.replace("- Reflect back what you heard", "- " + "r".repeat(301)));

            assertThat(problems).containsExactly(new ProcessModelProblem(
                    13, "phases[0].tasks[1]", "an entry can be at most 300 characters; this one has 301"));
        }

        @Test
        void refusesABlankListEntry() {
            var problems = problemsIn(LISTENING_FIRST.replace("[listening, reflection of feelings]", "[listening, '']"));

            assertThat(problems).containsExactly(new ProcessModelProblem(14, "phases[0].skills[1]", "this entry is blank"));
        }
    }

    @Nested
    class CheckingPhases {

        @Test
        void refusesAModelWithFewerThanTwoPhases() {
            var problems = problemsIn("""
                    key: only-an-ending
                    name: Only an ending
                    description: A model with nothing before the ending.
                    phases:
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(4, "phases"));
            assertThat(problems.get(0).message()).contains("at least two phases");
        }

        @Test
        void refusesAModelWithMoreThan15Phases() {
            var yaml = new StringBuilder("""
                    key: long-haul
                    name: Long haul
                    description: A model with sixteen phases.
                    phases:
                    """);
            for (int i = 1; i <= 15; i++) {
                yaml.append("""
                          - key: step-%d
                            name: Step %d
                            purpose: Take a step.
                            tasks: [Step]
                            move-on-when: [Stepped]
                        """.formatted(i, i));
            }
            yaml.append("""
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problemsIn(yaml.toString())).containsExactly(
                    new ProcessModelProblem(4, "phases", "a process model can have at most 15 phases; this one has 16"));
        }

        @Test
        void refusesTheSamePhaseKeyTwice() {
            var problems = problemsIn("""
                    key: twice
                    name: Twice
                    description: A model that repeats a phase key.
                    phases:
                      - key: working
                        name: Working
                        purpose: Work.
                        tasks: [Work]
                        move-on-when: [Done]
                      - key: working
                        name: Working again
                        purpose: Work more.
                        tasks: [Work more]
                        move-on-when: [Done again]
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problems).containsExactly(new ProcessModelProblem(
                    10, "phases[1].key", "the phase key 'working' is already used by phases[0]"));
        }

        @Test
        void namesTheLastPhaseWhenNoPhaseIsTheEnding() {
            var problems = problemsIn(LISTENING_FIRST.replace("    ending: true\n", ""));

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(17, "phases[1].ending"));
            assertThat(problems.get(0).message()).contains("the last phase must be the ending");
        }

        @Test
        void refusesALastPhaseMarkedAsNotTheEnding() {
            var problems = problemsIn(LISTENING_FIRST.replace("ending: true", "ending: false"));

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(19, "phases[1].ending"));
        }

        @Test
        void refusesAnEndingBeforeTheLastPhase() {
            var problems = problemsIn(LISTENING_FIRST.replace("    name: Listening\n", "    name: Listening\n    ending: true\n"));

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field)
                    .containsExactly(tuple(10, "phases[0].ending"));
            assertThat(problems.get(0).message()).contains("only the last phase can be the ending");
        }

        @Test
        void refusesAnEndingFlagThatIsNeitherTrueNorFalse() {
            var problems = problemsIn(LISTENING_FIRST.replace("ending: true", "ending: yes please"));

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(19, "phases[1].ending", "expected true or false, found 'yes please'"));
        }

        @Test
        void namesTheLineOfAPhaseWithoutTasks() {
            var problems = problemsIn(LISTENING_FIRST.replace("""
                        tasks:
                          - Say goodbye
                    """, """
                        tasks: []
                    """));

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(21, "phases[1].tasks", "a phase needs at least one task"));
        }

        @Test
        void namesThePhaseWhoseTasksAreMissing() {
            var problems = problemsIn(LISTENING_FIRST.replace("""
                        tasks:
                          - Say goodbye
                    """, ""));

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(17, "phases[1].tasks", "a phase needs at least one task"));
        }

        @Test
        void refusesMoreThan20Tasks() {
            var problems = problemsIn(LISTENING_FIRST.replace("      - Say goodbye\n", "      - Say goodbye\n".repeat(21)));

            assertThat(problems).containsExactly(
                    new ProcessModelProblem(21, "phases[1].tasks", "at most 20 entries are allowed here; found 21"));
        }

        @Test
        void asksEveryPhaseBeforeTheEndingForASignToMoveOn() {
            var problems = problemsIn(LISTENING_FIRST.replace("""
                        move-on-when:
                          - The client feels heard
                    """, """
                        move-on-when: []
                    """));

            assertThat(problems).containsExactly(new ProcessModelProblem(
                    15, "phases[0].move-on-when", "a phase needs at least one sign that it is time to move on"));
        }

        @Test
        void leavesSkillsOptional() {
            var model = format.parse(LISTENING_FIRST.replace("    skills: [listening, reflection of feelings]\n", ""), false);

            assertThat(model.first().skills()).isEmpty();
        }
    }

    @Nested
    class ReportingProblems {

        @Test
        void reportsEveryProblemTogetherInLineOrder() {
            var problems = problemsIn("""
                    key: Many Problems
                    description: A model with several things wrong.
                    phases:
                      - key: listening
                        name: Listening
                        purpose: Hear the client out.
                        tasks: []
                        move-on-when: [The client feels heard]
                        colour: blue
                      - key: listening
                        name: Ending
                        purpose: Close well.
                        tasks: [Say goodbye]
                    """);

            assertThat(problems).extracting(ProcessModelProblem::line, ProcessModelProblem::field).containsExactly(
                    tuple(1, "key"),
                    tuple(1, "name"),
                    tuple(7, "phases[0].tasks"),
                    tuple(9, "phases[0].colour"),
                    tuple(10, "phases[1].key"),
                    tuple(10, "phases[1].ending"));
        }

        @Test
        void joinsTheProblemsIntoTheMessage() {
            var error = catchThrowableOfType(InvalidProcessModel.class, () -> format.parse("""
                    key: short
                    name: Short
                    description: A model with one phase and no tasks.
                    phases:
                      - key: ending
                        name: Ending
                        ending: true
                        purpose: Close well.
                    """, false));

            assertThat(error).hasMessage("line 4, phases: a process model needs at least two phases: one or more"
                    + " working phases, then the ending; line 5, phases[0].tasks: a phase needs at least one task");
        }
    }

    private List<ProcessModelProblem> problemsIn(String yaml) {
        var error = catchThrowableOfType(InvalidProcessModel.class, () -> format.parse(yaml, false));
        assertThat(error).as("expected the model to be refused").isNotNull();
        return error.problems();
    }
}

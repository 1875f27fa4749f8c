package org.rapport.processmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInProcessModelsTests {

    private static final BuiltInProcessModels builtIns = new BuiltInProcessModels();

    private static final Set<String> SKILLS = Set.of("attending", "listening", "questioning", "reflecting",
            "restatement", "reflection of feelings", "open questions", "challenge", "interpretation",
            "self-disclosure", "immediacy", "information", "direct guidance", "summarising", "goal setting",
            "action planning");

    @Test
    void offersTheFiveModelsInOrder() {
        assertThat(builtIns.all())
                .extracting(ProcessModel::key)
                .containsExactly("five-stage", "egan-skilled-helper", "hill-helping-model", "peplau-nurse-client",
                        "community-practice");
        assertThat(builtIns.all()).allMatch(ProcessModel::builtIn);
    }

    static Stream<Arguments> phasesInOrder() {
        return Stream.of(
                Arguments.of("five-stage", List.of("Establishing a working relationship", "Identifying client problems",
                        "Helping clients create goals", "Encouraging client exploration and action",
                        "Termination and ending")),
                Arguments.of("egan-skilled-helper", List.of("Relationship building",
                        "Challenging the client to find ways to change", "Facilitating positive client action",
                        "Ending")),
                Arguments.of("hill-helping-model", List.of("Exploration", "Insight", "Action", "Ending")),
                Arguments.of("peplau-nurse-client", List.of("Preinteraction", "Orientation", "Working", "Termination")),
                Arguments.of("community-practice", List.of("Beginning and negotiating", "Programme planning",
                        "Implementation", "Evaluation", "Ending")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phasesInOrder")
    void namesThePhasesOfEachModelInTheirTaughtOrder(String key, List<String> phaseNames) {
        var model = builtIns.find(key).orElseThrow();

        assertThat(model.phases()).extracting(Phase::name).containsExactlyElementsOf(phaseNames);
        assertThat(model.ending()).isSameAs(model.phase(model.phaseCount() - 1));
        assertThat(model.ending().ending()).isTrue();
        assertThat(model.phases().subList(0, model.phaseCount() - 1)).noneMatch(Phase::ending);
    }

    @Test
    void explainsTheAddedEndingWhereTheSourceHasNone() {
        assertThat(List.of("egan-skilled-helper", "hill-helping-model"))
                .allSatisfy(key -> assertThat(builtIns.find(key).orElseThrow().description())
                        .contains("no ending stage of its own")
                        .contains("adds an Ending phase"));
    }

    @Test
    void givesEveryPhaseAPurposeAHandfulOfTasksAndSignsToMoveOn() {
        assertThat(builtIns.all()).allSatisfy(model -> {
            assertThat(model.source()).isNotBlank();
            assertThat(model.description()).isNotBlank();
            assertThat(model.phases()).allSatisfy(phase -> {
                assertThat(phase.purpose()).isNotBlank();
                assertThat(phase.tasks()).hasSizeBetween(3, 6);
                assertThat(phase.moveOnWhen()).hasSizeBetween(2, 4);
            });
        });
    }

    @Test
    void drawsEverySkillFromTheSharedList() {
        assertThat(builtIns.all())
                .flatExtracting(ProcessModel::phases)
                .flatExtracting(Phase::skills)
                .allMatch(SKILLS::contains);
    }

    @Test
    void findsAModelByItsKeyOnly() {
        assertThat(builtIns.find("peplau-nurse-client")).map(ProcessModel::name).hasValue("Nurse–client relationship");
        assertThat(builtIns.find("Peplau")).isEmpty();
    }
}

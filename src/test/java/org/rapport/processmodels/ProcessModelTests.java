package org.rapport.processmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessModelTests {

    @Test
    void findsPhasesByKeyAndPosition() {
        var model = aModel(aPhase("orientation"), aPhase("working"), anEnding("termination"));

        assertThat(model.phaseCount()).isEqualTo(3);
        assertThat(model.first().key()).isEqualTo("orientation");
        assertThat(model.phase(1).key()).isEqualTo("working");
        assertThat(model.indexOf("working")).isEqualTo(1);
        assertThat(model.indexOf("resolution")).isEqualTo(-1);
        assertThat(model.findPhase("termination")).map(Phase::name).hasValue("Termination");
        assertThat(model.findPhase("resolution")).isEmpty();
    }

    @Test
    void treatsTheLastPhaseAsTheEnding() {
        var model = aModel(aPhase("orientation"), aPhase("working"), anEnding("termination"));

        assertThat(model.ending().key()).isEqualTo("termination");
        assertThat(model.isEnding(2)).isTrue();
        assertThat(model.isEnding(1)).isFalse();
    }

    @Test
    void refusesAModelWithoutPhases() {
        assertThatIllegalArgumentException().isThrownBy(() -> aModel()).withMessageContaining("at least one phase");
    }

    @Test
    void refusesAModelThatDoesNotFinishInAnEnding() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> aModel(aPhase("orientation"), aPhase("working")))
                .withMessageContaining("must be the ending");
    }

    @Test
    void refusesAnEndingBeforeTheLastPhase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> aModel(anEnding("early-ending"), aPhase("working"), anEnding("termination")))
                .withMessageContaining("Only the last phase");
    }

    @Test
    void refusesTheSamePhaseKeyTwice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> aModel(aPhase("working"), aPhase("working"), anEnding("termination")))
                .withMessageContaining("working twice");
    }

    @Test
    void keepsItsOwnCopyOfThePhases() {
        var phases = new ArrayList<>(List.of(aPhase("working"), anEnding("termination")));
        var model = new ProcessModel("copied", "Copied", "", "A model.", phases, false);

        phases.remove(0);

        assertThat(model.phaseCount()).isEqualTo(2);
    }

    private static ProcessModel aModel(Phase... phases) {
        return new ProcessModel("test-model", "Test model", "Written for these tests", "A model.", List.of(phases), false);
    }

    private static Phase aPhase(String key) {
        return new Phase(key, capitalised(key), "Do the work.", List.of("A task"), List.of("listening"),
                List.of("The work is done"), false);
    }

    private static Phase anEnding(String key) {
        return new Phase(key, capitalised(key), "Close well.", List.of("Say goodbye"), List.of(), List.of(), true);
    }

    private static String capitalised(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}

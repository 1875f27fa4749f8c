package org.rapport.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerFieldsTests {

    private static final InstrumentDefinition GAD_7 = new ShippedInstruments().find("gad-7").orElseThrow();

    @Test
    void readsEachQuestionsFieldAndLeavesABlankOneUnanswered() {
        var answers = AnswerFields.read(GAD_7, Map.of("item-1", "2", "item-2", " 3 ", "item-3", "", "_csrf", "x"));

        assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of("1", 2, "2", 3));
    }

    @Test
    void refusesAQuestionTheInstrumentDoesNotHave() {
        assertThatThrownBy(() -> AnswerFields.read(GAD_7, Map.of("item-8", "1")))
                .isInstanceOf(InvalidAnswers.class).hasMessageContaining("a question this questionnaire does not have");
        assertThatThrownBy(() -> AnswerFields.read(null, Map.of("item-1", "1")))
                .isInstanceOf(InvalidAnswers.class);
    }

    @Test
    void refusesAnAnswerThatIsNotAWholeNumberNamingTheQuestion() {
        assertThatThrownBy(() -> AnswerFields.read(GAD_7, Map.of("item-4", "often")))
                .isInstanceOf(InvalidAnswers.class).hasMessageContaining("Question 4 has an answer it does not offer");
        assertThatThrownBy(() -> AnswerFields.read(GAD_7, Map.of("item-4", "12345")))
                .isInstanceOf(InvalidAnswers.class).hasMessageContaining("Question 4");
    }

    @Test
    void keepsWhatCouldBeReadForShowingTheFormAgain() {
        assertThat(AnswerFields.lenient(GAD_7, Map.of("item-1", "1", "item-2", "often", "item-9", "2")))
                .containsExactlyEntriesOf(Map.of("1", 1));
        assertThat(AnswerFields.lenient(null, Map.of("item-1", "1"))).isEmpty();
    }
}

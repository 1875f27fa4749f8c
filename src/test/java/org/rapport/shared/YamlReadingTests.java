package org.rapport.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.shared.YamlReading.LinedProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** The shared reader names each problem in a hand-written YAML file by its line and field path. */
class YamlReadingTests {

    private static final List<String> KNOWN = List.of("name", "notes", "group");

    /** Stands in for a format's own exception. */
    static final class Refused extends RuntimeException {
        final List<LinedProblem> problems;

        Refused(List<LinedProblem> problems) {
            this.problems = problems;
        }
    }

    private final YamlReading reading = new YamlReading(Refused::new);

    private Map<String, NodeTuple> fieldsOf(String yaml) {
        return reading.fields((MappingNode) reading.compose(yaml, 1000, "too large"), "", KNOWN);
    }

    private List<LinedProblem> problems() {
        return ((Refused) reading.invalid()).problems;
    }

    @Test
    void reportsAnUnknownFieldOnItsLineListingTheFieldsAllowed() {
        var fields = fieldsOf("name: Tuesday group\ncolour: blue\n");

        assertThat(fields).containsOnlyKeys("name");
        assertThat(problems()).containsExactly(new LinedProblem(
                2, "colour", "unknown field 'colour'; the fields allowed here are name, notes, group"));
    }

    @Test
    void reportsAFieldGivenTwiceAndKeepsTheFirst() {
        var root = root("name: first\nname: second\n");
        var fields = reading.fields(root, "", KNOWN);

        assertThat(reading.text(fields, "name", "", root, true, 50)).isEqualTo("first");
        assertThat(problems()).containsExactly(new LinedProblem(2, "name", "'name' is given more than once"));
    }

    @Test
    void reportsAMissingRequiredFieldOnTheLineOfItsGroupWithItsPath() {
        var root = root("name: outer\ngroup:\n  notes: something\n");
        var group = (MappingNode) reading.fields(root, "", KNOWN).get("group").getValueNode();
        var groupFields = reading.fields(group, "group", KNOWN);

        assertThat(reading.text(groupFields, "name", "group", group, true, 50)).isNull();
        assertThat(reading.text(groupFields, "group", "group", group, false, 50)).isNull();
        assertThat(problems()).containsExactly(new LinedProblem(3, "group.name", "'name' is missing"));
    }

    @Test
    void reportsTextOfTheWrongShapeBlankOrTooLong() {
        var root = root("name:\n  - a list\nnotes: '   '\ngroup: " + "x".repeat(11) + "\n");
        var fields = reading.fields(root, "", KNOWN);

        assertThat(reading.text(fields, "name", "", root, true, 10)).isNull();
        assertThat(reading.text(fields, "notes", "", root, true, 10)).isNull();
        assertThat(reading.text(fields, "group", "", root, true, 10)).isNull();
        assertThat(problems()).containsExactly(
                new LinedProblem(1, "name", "expected text, found a list"),
                new LinedProblem(3, "notes", "'notes' is blank"),
                new LinedProblem(4, "group", "this can be at most 10 characters; it has 11"));
    }

    @Test
    void readsTextStrippedAndLeavesAnOptionalBlankFieldUnreported() {
        var root = root("name: '  Tuesday group  '\nnotes:\n");
        var fields = reading.fields(root, "", KNOWN);

        assertThat(reading.text(fields, "name", "", root, true, 50)).isEqualTo("Tuesday group");
        assertThat(reading.text(fields, "notes", "", root, false, 50)).isNull();
        assertThat(reading.hasProblems()).isFalse();
    }

    @Test
    void listsProblemsInLineOrderKeepingTheOrderFoundWithinALine() {
        reading.problem(3, "b", "third line");
        reading.problem(1, "a", "first line, found first");
        reading.problem(1, "c", "first line, found second");

        assertThat(problems()).extracting(LinedProblem::field).containsExactly("a", "c", "b");
    }

    @Test
    void refusesSomethingThatIsNotYamlNamingTheLine() {
        assertThatThrownBy(() -> reading.compose("name: fine\nnotes: 'not closed\n", 1000, "too large"))
                .isInstanceOfSatisfying(Refused.class, refused -> {
                    assertThat(refused.problems).hasSize(1);
                    var problem = refused.problems.get(0);
                    assertThat(problem.line()).isEqualTo(3);
                    assertThat(problem.field()).isEmpty();
                    assertThat(problem.message()).startsWith("this is not valid YAML (")
                            .endsWith("); check the indentation, quotes and colons on this line and the line above");
                });
    }

    @Test
    void refusesTextOverTheLimitInBytesOfUtf8() {
        assertThatThrownBy(() -> reading.compose("name: " + "é".repeat(5), 10, "the file is too large"))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.problems)
                        .containsExactly(new LinedProblem(1, "", "the file is too large")));
    }

    @Test
    void givesNoRootForAnEmptyFile() {
        assertThat(reading.compose("", 10, "too large")).isNull();
    }

    @Test
    void describesWhatWasFoundInPlainWords() {
        var root = root("a: [1]\nb: {c: 1}\nd:\ne: " + "y".repeat(45) + "\n");
        var values = root.getValue().stream().map(NodeTuple::getValueNode).map(YamlReading::describe).toList();

        assertThat(values).containsExactly("a list", "a group of fields", "nothing", "'" + "y".repeat(40) + "…'");
        assertThat(YamlReading.join("", "name")).isEqualTo("name");
        assertThat(YamlReading.join("phases[0]", "name")).isEqualTo("phases[0].name");
    }

    private MappingNode root(String yaml) {
        return (MappingNode) new YamlReading(Refused::new).compose(yaml, 1000, "too large");
    }
}

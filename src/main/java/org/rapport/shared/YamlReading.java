package org.rapport.shared;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One pass over one YAML file written by people who are not programmers: reads it as a node tree,
 * which keeps line numbers, and collects every problem found with its line and field path, so the
 * file can be refused with all of them at once.
 *
 * <p>Shared because process models and instrument definitions are both checked this way, and the
 * two must word the same mistakes the same way. Each format turns the problems into its own
 * exception through the function it passes in. Not safe to share between files or threads.
 */
public final class YamlReading {

    /**
     * One thing wrong with a file: the 1-based line an editor shows, the field path such as
     * {@code phases[2].name} (empty for the file as a whole) and a plain message.
     */
    public record LinedProblem(int line, String field, String message) {}

    private final Function<List<LinedProblem>, ? extends RuntimeException> refusal;
    private final List<LinedProblem> problems = new ArrayList<>();

    /** @param refusal builds the exception that refuses the file, from its problems in line order */
    public YamlReading(Function<List<LinedProblem>, ? extends RuntimeException> refusal) {
        this.refusal = refusal;
    }

    /**
     * The file's root node, or null when it is empty.
     *
     * @param tooLarge the message given when the text is more than {@code maxBytes} of UTF-8
     * @throws RuntimeException the refusal, when the text is too large or not YAML
     */
    public @Nullable Node compose(String yamlText, int maxBytes, String tooLarge) {
        if (yamlText.length() > maxBytes || yamlText.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw refusal.apply(List.of(new LinedProblem(1, "", tooLarge)));
        }
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by fields(...), with their line
        options.setMaxAliasesForCollections(20);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yamlText));
        } catch (MarkedYAMLException e) {
            throw refusal.apply(List.of(syntaxProblem(e)));
        } catch (YAMLException e) {
            throw refusal.apply(List.of(new LinedProblem(1, "", "the file could not be read as YAML: " + e.getMessage())));
        }
    }

    private static LinedProblem syntaxProblem(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = mark == null ? 1 : mark.getLine() + 1;
        // SnakeYAML's wording is technical, so it is kept in brackets and followed by plain advice.
        var what = new StringJoiner(", ");
        if (e.getContext() != null) what.add(e.getContext());
        if (e.getProblem() != null) what.add(e.getProblem());
        return new LinedProblem(line, "", "this is not valid YAML (" + what + "); check the indentation,"
                + " quotes and colons on this line and the line above");
    }

    public void problem(int line, String field, String message) {
        problems.add(new LinedProblem(line, field, message));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The refusal listing every problem so far, in line order (and in the order found within a line). */
    public RuntimeException invalid() {
        var inLineOrder = new ArrayList<>(problems);
        inLineOrder.sort(Comparator.comparingInt(LinedProblem::line)); // stable: keeps field order within a line
        return refusal.apply(inLineOrder);
    }

    /**
     * The fields of a mapping by name, in file order, after reporting unknown, repeated and oddly
     * named fields.
     *
     * @param known the fields allowed, in the order the message lists them
     */
    public Map<String, NodeTuple> fields(MappingNode mapping, String path, List<String> known) {
        var fields = new LinkedHashMap<String, NodeTuple>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
                problem(line(keyNode), path, "a field name must be plain text, found " + describe(keyNode));
                continue;
            }
            String name = scalar.getValue();
            String fieldPath = join(path, name);
            if (!known.contains(name)) {
                problem(line(keyNode), fieldPath,
                        "unknown field '" + name + "'; the fields allowed here are " + String.join(", ", known));
            } else if (fields.containsKey(name)) {
                problem(line(keyNode), fieldPath, "'" + name + "' is given more than once");
            } else {
                fields.put(name, tuple);
            }
        }
        return fields;
    }

    /**
     * A field's text, stripped, or null after reporting it missing (when required), not text,
     * blank (when required) or longer than {@code max}.
     */
    public @Nullable String text(
            Map<String, NodeTuple> fields, String name, String path, MappingNode parent, boolean required, int max) {
        String fieldPath = join(path, name);
        var tuple = fields.get(name);
        if (tuple == null) {
            if (required) problem(line(parent), fieldPath, "'" + name + "' is missing");
            return null;
        }
        int line = line(tuple.getKeyNode());
        Node value = tuple.getValueNode();
        if (!(value instanceof ScalarNode scalar)) {
            problem(line, fieldPath, "expected text, found " + describe(value));
            return null;
        }
        String text = isNull(scalar) ? "" : scalar.getValue().strip();
        if (text.isEmpty()) {
            if (required) problem(line, fieldPath, "'" + name + "' is blank");
            return null;
        }
        if (text.length() > max) {
            problem(line, fieldPath, "this can be at most " + max + " characters; it has " + text.length());
            return null;
        }
        return text;
    }

    /** Whether a node is YAML's null: written as nothing, {@code ~} or {@code null}. */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The 1-based line a node starts on. */
    public static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** The path of a field within the group at {@code path}; empty for the top level. */
    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A node as a problem message names what was found: "a list", "nothing", "'some text'". */
    public static String describe(Node node) {
        if (node instanceof SequenceNode) return "a list";
        if (node instanceof MappingNode) return "a group of fields";
        if (isNull(node)) return "nothing";
        String value = ((ScalarNode) node).getValue();
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'";
    }
}

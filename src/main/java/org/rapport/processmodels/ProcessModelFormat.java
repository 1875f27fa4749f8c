package org.rapport.processmodels;

import static org.rapport.shared.YamlReading.describe;
import static org.rapport.shared.YamlReading.isNull;
import static org.rapport.shared.YamlReading.join;
import static org.rapport.shared.YamlReading.line;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.YamlReading;
import org.rapport.shared.YamlReading.LinedProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a process model from YAML text, as described in {@code processmodels/FORMAT.md}.
 *
 * <p>The people who write these files are practice leads, not programmers, so a file that is
 * wrong is refused with every problem in it at once, each naming its line and field. For that
 * reason the text is read as a YAML node tree, which keeps line numbers, and then checked field
 * by field, instead of being bound to objects. Unknown fields are refused rather than ignored,
 * because a misspelt {@code move-on-when} would otherwise vanish without a word.
 *
 * <p>Stateless and safe to share.
 */
public class ProcessModelFormat {

    /** The largest model text accepted, in bytes of UTF-8. */
    public static final int MAX_BYTES = 100 * 1024;
    static final int MIN_PHASES = 2;
    static final int MAX_PHASES = 15;
    static final int MAX_TASKS = 20;
    static final int MAX_KEY = 60;
    static final int MAX_NAME = 120;
    static final int MAX_TEXT = 2000;
    static final int MAX_ENTRY = 300;

    private static final Pattern KEY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final List<String> MODEL_FIELD_ORDER = List.of("key", "name", "source", "description", "phases");
    private static final List<String> PHASE_FIELD_ORDER =
            List.of("key", "name", "purpose", "tasks", "skills", "move-on-when", "ending");

    /**
     * Reads and checks a whole model.
     *
     * @throws InvalidProcessModel listing every problem found, in line order
     */
    public ProcessModel parse(String yamlText, boolean builtIn) {
        var reading = new Reading();
        Node root = reading.yaml.compose(
                yamlText, MAX_BYTES, "the file is larger than 100 kB; a process model must be smaller than that");
        return reading.model(root, builtIn);
    }

    private static InvalidProcessModel refusal(List<LinedProblem> problems) {
        return new InvalidProcessModel(
                problems.stream().map(p -> new ProcessModelProblem(p.line(), p.field(), p.message())).toList());
    }

    /** One pass over one file: collects problems while building the model. */
    private static final class Reading {

        private final YamlReading yaml = new YamlReading(ProcessModelFormat::refusal);

        ProcessModel model(@Nullable Node root, boolean builtIn) {
            if (root == null) {
                problem(1, "", "the file is empty");
                throw yaml.invalid();
            }
            if (!(root instanceof MappingNode mapping)) {
                problem(line(root), "", "a process model must start with its fields (key, name, phases and so on), found "
                        + describe(root));
                throw yaml.invalid();
            }
            var fields = yaml.fields(mapping, "", MODEL_FIELD_ORDER);
            String key = key(fields, "key", mapping);
            String name = yaml.text(fields, "name", "", mapping, true, MAX_NAME);
            String source = yaml.text(fields, "source", "", mapping, false, MAX_TEXT);
            String description = yaml.text(fields, "description", "", mapping, true, MAX_TEXT);
            List<Phase> phases = phases(fields, mapping);
            if (yaml.hasProblems()) throw yaml.invalid();
            return new ProcessModel(key, name, source == null ? "" : source, description, phases, builtIn);
        }

        private List<Phase> phases(Map<String, NodeTuple> fields, MappingNode model) {
            var tuple = fields.get("phases");
            if (tuple == null || isNull(tuple.getValueNode())) {
                problem(tuple == null ? line(model) : line(tuple.getKeyNode()), "phases", "a process model needs phases");
                return List.of();
            }
            if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
                problem(line(tuple.getKeyNode()), "phases",
                        "expected a list of phases, found " + describe(tuple.getValueNode()));
                return List.of();
            }
            var entries = sequence.getValue();
            if (entries.size() < MIN_PHASES) {
                problem(line(tuple.getKeyNode()), "phases",
                        "a process model needs at least two phases: one or more working phases, then the ending");
            } else if (entries.size() > MAX_PHASES) {
                problem(line(tuple.getKeyNode()), "phases",
                        "a process model can have at most " + MAX_PHASES + " phases; this one has " + entries.size());
            }
            var phases = new ArrayList<Phase>();
            var firstUse = new HashMap<String, Integer>();
            int endings = 0;
            for (int i = 0; i < entries.size(); i++) {
                String path = "phases[" + i + "]";
                Node entry = entries.get(i);
                if (!(entry instanceof MappingNode phase)) {
                    problem(line(entry), path, "expected the fields of a phase, found " + describe(entry));
                    continue;
                }
                var phaseFields = yaml.fields(phase, path, PHASE_FIELD_ORDER);
                boolean last = i == entries.size() - 1;
                boolean ending = ending(phaseFields, path, last);
                if (ending) endings++;
                String key = key(phaseFields, path + ".key", phase);
                if (key != null) {
                    Integer earlier = firstUse.putIfAbsent(key, i);
                    if (earlier != null) {
                        problem(line(phaseFields.get("key").getKeyNode()), path + ".key",
                                "the phase key '" + key + "' is already used by phases[" + earlier + "]");
                    }
                }
                String name = yaml.text(phaseFields, "name", path, phase, true, MAX_NAME);
                String purpose = yaml.text(phaseFields, "purpose", path, phase, true, MAX_TEXT);
                List<String> tasks = list(phaseFields, "tasks", path, phase, 1, MAX_TASKS,
                        "a phase needs at least one task");
                List<String> skills = list(phaseFields, "skills", path, phase, 0, Integer.MAX_VALUE, "");
                List<String> moveOnWhen = list(phaseFields, "move-on-when", path, phase, ending || last ? 0 : 1,
                        Integer.MAX_VALUE, "a phase needs at least one sign that it is time to move on");
                if (last && !ending && !phaseFields.containsKey("ending")) {
                    problem(line(phase), path + ".ending",
                            "the last phase must be the ending: add 'ending: true' to it");
                }
                if (key != null && name != null && purpose != null) {
                    phases.add(new Phase(key, name, purpose, tasks, skills, moveOnWhen, ending));
                }
            }
            return phases;
        }

        /** Reads the ending flag, reporting one that is missing from, or misplaced before, the last phase. */
        private boolean ending(Map<String, NodeTuple> fields, String path, boolean last) {
            var tuple = fields.get("ending");
            if (tuple == null) return false;
            Node value = tuple.getValueNode();
            String text = value instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
            boolean ending;
            if (text.equalsIgnoreCase("true")) {
                ending = true;
            } else if (text.equalsIgnoreCase("false")) {
                ending = false;
            } else {
                problem(line(tuple.getKeyNode()), path + ".ending", "expected true or false, found " + describe(value));
                return last; // assume the flag sits where it was meant to, so its absence causes no further problems
            }
            if (ending && !last) {
                problem(line(tuple.getKeyNode()), path + ".ending",
                        "only the last phase can be the ending; move this phase to the end or remove 'ending: true'");
            } else if (!ending && last) {
                problem(line(tuple.getKeyNode()), path + ".ending",
                        "the last phase must be the ending: set 'ending: true'");
            }
            return ending;
        }

        private @Nullable String key(Map<String, NodeTuple> fields, String fieldPath, MappingNode parent) {
            int dot = fieldPath.lastIndexOf('.');
            String parentPath = dot < 0 ? "" : fieldPath.substring(0, dot);
            String key = yaml.text(fields, "key", parentPath, parent, true, Integer.MAX_VALUE);
            if (key == null) return null;
            int line = line(fields.get("key").getKeyNode());
            if (key.length() > MAX_KEY) {
                problem(line, fieldPath, "a key can be at most " + MAX_KEY + " characters; this one has " + key.length());
                return null;
            }
            if (!KEY.matcher(key).matches()) {
                problem(line, fieldPath, "a key uses only lower-case letters, digits and single hyphens between them,"
                        + " like 'working-phase'; found '" + key + "'");
                return null;
            }
            return key;
        }

        private List<String> list(Map<String, NodeTuple> fields, String name, String path, MappingNode parent,
                int min, int max, String tooFew) {
            String fieldPath = join(path, name);
            var tuple = fields.get(name);
            Node value = tuple == null ? null : tuple.getValueNode();
            if (value == null || isNull(value)) {
                if (min > 0) problem(tuple == null ? line(parent) : line(tuple.getKeyNode()), fieldPath, tooFew);
                return List.of();
            }
            int line = line(tuple.getKeyNode());
            if (!(value instanceof SequenceNode sequence)) {
                problem(line, fieldPath, "expected a list, found " + describe(value));
                return List.of();
            }
            var entries = new ArrayList<String>();
            var nodes = sequence.getValue();
            for (int i = 0; i < nodes.size(); i++) {
                Node entry = nodes.get(i);
                String entryPath = fieldPath + "[" + i + "]";
                if (!(entry instanceof ScalarNode scalar)) {
                    problem(line(entry), entryPath, "expected text, found " + describe(entry));
                    continue;
                }
                String text = isNull(scalar) ? "" : scalar.getValue().strip();
                if (text.isEmpty()) {
                    problem(line(entry), entryPath, "this entry is blank");
                } else if (text.length() > MAX_ENTRY) {
                    problem(line(entry), entryPath,
                            "an entry can be at most " + MAX_ENTRY + " characters; this one has " + text.length());
                } else {
                    entries.add(text);
                }
            }
            if (nodes.size() < min) {
                problem(line, fieldPath, tooFew);
            } else if (nodes.size() > max) {
                problem(line, fieldPath, "at most " + max + " entries are allowed here; found " + nodes.size());
            }
            return entries;
        }

        private void problem(int line, String field, String message) {
            yaml.problem(line, field, message);
        }
    }
}

package org.rapport.measures;

import static org.rapport.shared.YamlReading.describe;
import static org.rapport.shared.YamlReading.isNull;
import static org.rapport.shared.YamlReading.join;
import static org.rapport.shared.YamlReading.line;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Reads an instrument definition from YAML text, as described in {@code instruments/FORMAT.md}.
 *
 * <p>Definitions are written by people who hold an instrument's licence, not by programmers, and a
 * scoring mistake in one would mislead every helper who reads its scores. So a file that is wrong is
 * refused with every problem in it at once, each naming its line and field, and the checks go
 * beyond shape: items must refer to answer sets that exist, severity bands must cover every possible
 * total without gaps, the cut-off must be a total the instrument can give. As with process models,
 * the text is read as a YAML node tree, which keeps line numbers, and unknown fields are refused
 * rather than ignored.
 *
 * <p>Stateless and safe to share.
 */
public final class InstrumentFormat {

    /** The largest definition accepted, in bytes of UTF-8. */
    public static final int MAX_BYTES = 200 * 1024;
    static final int MAX_ITEMS = 100;
    static final int MAX_ANSWER_SETS = 10;
    static final int MAX_OPTIONS = 21;
    static final int MAX_BANDS = 10;
    static final int MAX_KEY = 60;
    static final int MAX_NAME = 120;
    static final int MAX_SHORT_NAME = 20;
    static final int MAX_SHORT = 200;
    static final int MAX_TEXT = 4000;

    private static final Pattern KEY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._-]{0,39})$");
    private static final Pattern LOINC = Pattern.compile("^[0-9]{1,7}-[0-9]$");
    private static final Pattern LOINC_ANSWER = Pattern.compile("^LA[0-9]{1,7}-[0-9]$");

    private static final List<String> INSTRUMENT_FIELDS = List.of("key", "name", "short-name", "version", "description",
            "recall-period", "introduction", "validated", "licence", "attribution", "loinc", "answer-sets", "items",
            "scoring");
    private static final List<String> LOINC_FIELDS = List.of("panel", "total");
    private static final List<String> ANSWER_SET_FIELDS = List.of("key", "options");
    private static final List<String> OPTION_FIELDS = List.of("code", "display", "value", "loinc");
    private static final List<String> ITEM_FIELDS = List.of("link-id", "text", "answers", "reverse-keyed", "risk", "loinc");
    private static final List<String> SCORING_FIELDS = List.of("method", "higher-is", "max-missing", "rounding", "bands",
            "cut-off", "reliable-change", "reliability", "standard-deviation");
    private static final List<String> BAND_FIELDS = List.of("from", "to", "label");
    private static final List<String> CUT_OFF_FIELDS = List.of("value", "rule", "meaning");

    private static final Map<String, Scoring.Method> METHODS =
            orderedMap("sum", Scoring.Method.SUM, "mean-times-10", Scoring.Method.MEAN_TIMES_10);
    private static final Map<String, Boolean> HIGHER_IS = orderedMap("worse", false, "better", true);
    private static final Map<String, Scoring.Rounding> ROUNDINGS = orderedMap("none", Scoring.Rounding.NONE,
            "half-up", Scoring.Rounding.HALF_UP, "up", Scoring.Rounding.UP, "down", Scoring.Rounding.DOWN);
    private static final Map<String, Boolean> CUT_OFF_RULES = orderedMap("at-or-above", true, "above", false);

    /**
     * Reads and checks a whole definition.
     *
     * @throws InvalidInstrument listing every problem found, in line order
     */
    public static InstrumentDefinition parse(String yamlText) {
        var reading = new Reading();
        Node root = reading.yaml.compose(yamlText, MAX_BYTES,
                "the file is larger than 200 kB; an instrument definition must be smaller than that");
        return reading.instrument(root);
    }

    private InstrumentFormat() {}

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        var map = new LinkedHashMap<String, V>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        return map;
    }

    private static InvalidInstrument refusal(List<LinedProblem> problems) {
        return new InvalidInstrument(
                problems.stream().map(p -> new InstrumentProblem(p.line(), p.field(), p.message())).toList());
    }

    /** One pass over one file: collects problems while building the definition. */
    private static final class Reading {

        private final YamlReading yaml = new YamlReading(InstrumentFormat::refusal);

        InstrumentDefinition instrument(@Nullable Node root) {
            if (root == null) {
                problem(1, "", "the file is empty");
                throw yaml.invalid();
            }
            if (!(root instanceof MappingNode mapping)) {
                problem(line(root), "", "an instrument definition must start with its fields (key, name, items and so on),"
                        + " found " + describe(root));
                throw yaml.invalid();
            }
            var fields = yaml.fields(mapping, "", INSTRUMENT_FIELDS);
            String key = pattern(fields, "key", "", mapping, true, KEY, MAX_KEY,
                    "a key uses only lower-case letters, digits and single hyphens between them, like 'phq-9'");
            String name = yaml.text(fields, "name", "", mapping, true, MAX_NAME);
            String shortName = yaml.text(fields, "short-name", "", mapping, false, MAX_SHORT_NAME);
            String version = yaml.text(fields, "version", "", mapping, true, MAX_KEY);
            String description = yaml.text(fields, "description", "", mapping, false, MAX_TEXT);
            String recallPeriod = yaml.text(fields, "recall-period", "", mapping, true, MAX_SHORT);
            String introduction = yaml.text(fields, "introduction", "", mapping, false, MAX_TEXT);
            Boolean validated = flag(fields, "validated", "", mapping, true);
            String licence = yaml.text(fields, "licence", "", mapping, true, MAX_TEXT);
            String attribution = yaml.text(fields, "attribution", "", mapping, true, MAX_TEXT);
            var loinc = group(fields, "loinc", "", mapping, false);
            String panel = null;
            String total = null;
            if (loinc != null) {
                var loincFields = yaml.fields(loinc, "loinc", LOINC_FIELDS);
                panel = loinc(loincFields, "panel", "loinc", loinc, LOINC);
                total = loinc(loincFields, "total", "loinc", loinc, LOINC);
            }
            Map<String, AnswerSet> answerSets = answerSets(fields, mapping);
            List<Item> items = items(fields, mapping, answerSets);
            Scoring scoring = scoring(fields, mapping, answerSets, items);
            if (yaml.hasProblems() || key == null || name == null || version == null || recallPeriod == null
                    || validated == null || licence == null || attribution == null || scoring == null) {
                throw yaml.invalid();
            }
            return new InstrumentDefinition(key, name, shortName, version, description == null ? "" : description, recallPeriod,
                    introduction == null ? "" : introduction, validated, licence, attribution, panel, total,
                    List.copyOf(answerSets.values()), items, scoring);
        }

        private Map<String, AnswerSet> answerSets(Map<String, NodeTuple> fields, MappingNode instrument) {
            var sets = new LinkedHashMap<String, AnswerSet>();
            var entries = list(fields, "answer-sets", "", instrument, "an instrument needs at least one answer set");
            if (entries == null) return sets;
            if (entries.getValue().size() > MAX_ANSWER_SETS) {
                problem(line(fields.get("answer-sets").getKeyNode()), "answer-sets", "an instrument can have at most " + MAX_ANSWER_SETS
                        + " answer sets; this one has " + entries.getValue().size());
            }
            var firstUse = new HashMap<String, Integer>();
            for (int i = 0; i < entries.getValue().size(); i++) {
                String path = "answer-sets[" + i + "]";
                Node entry = entries.getValue().get(i);
                if (!(entry instanceof MappingNode set)) {
                    problem(line(entry), path, "expected the fields of an answer set, found " + describe(entry));
                    continue;
                }
                var setFields = yaml.fields(set, path, ANSWER_SET_FIELDS);
                String key = pattern(setFields, "key", path, set, true, KEY, MAX_KEY,
                        "an answer set key uses only lower-case letters, digits and single hyphens, like 'frequency'");
                if (key != null) {
                    Integer earlier = firstUse.putIfAbsent(key, i);
                    if (earlier != null) {
                        problem(line(setFields.get("key").getKeyNode()), path + ".key",
                                "the answer set key '" + key + "' is already used by answer-sets[" + earlier + "]");
                        key = null;
                    }
                }
                List<AnswerOption> options = options(setFields, path, set);
                if (key != null && options != null) sets.put(key, new AnswerSet(key, options));
            }
            return sets;
        }

        private @Nullable List<AnswerOption> options(Map<String, NodeTuple> fields, String path, MappingNode set) {
            var entries = list(fields, "options", path, set, "an answer set needs its options");
            if (entries == null) return null;
            String listPath = path + ".options";
            int listLine = line(fields.get("options").getKeyNode());
            int size = entries.getValue().size();
            boolean ok = true;
            if (size < 2) {
                problem(listLine, listPath, "an answer set needs at least two options");
                ok = false;
            } else if (size > MAX_OPTIONS) {
                problem(listLine, listPath,
                        "an answer set can have at most " + MAX_OPTIONS + " options; this one has " + size);
                ok = false;
            }
            var options = new ArrayList<AnswerOption>();
            var codes = new HashMap<String, Integer>();
            var values = new HashMap<Integer, Integer>();
            for (int i = 0; i < size; i++) {
                String optionPath = listPath + "[" + i + "]";
                Node entry = entries.getValue().get(i);
                if (!(entry instanceof MappingNode option)) {
                    problem(line(entry), optionPath, "expected the fields of an answer option, found " + describe(entry));
                    ok = false;
                    continue;
                }
                var optionFields = yaml.fields(option, optionPath, OPTION_FIELDS);
                String code = pattern(optionFields, "code", optionPath, option, true, CODE, 40,
                        "a code is one to 40 letters, digits, dots, hyphens or underscores, like 'several-days'");
                String display = yaml.text(optionFields, "display", optionPath, option, true, MAX_SHORT);
                Integer value = whole(optionFields, "value", optionPath, option, true, -1000, 1000);
                String loinc = loinc(optionFields, "loinc", optionPath, option, LOINC_ANSWER);
                if (code != null) {
                    Integer earlier = codes.putIfAbsent(code, i);
                    if (earlier != null) {
                        problem(line(optionFields.get("code").getKeyNode()), optionPath + ".code",
                                "the code '" + code + "' is already used by " + listPath + "[" + earlier + "]");
                        code = null;
                    }
                }
                if (value != null) {
                    Integer earlier = values.putIfAbsent(value, i);
                    if (earlier != null) {
                        problem(line(optionFields.get("value").getKeyNode()), optionPath + ".value",
                                "the value " + value + " is already used by " + listPath + "[" + earlier + "];"
                                        + " each answer must score differently");
                        value = null;
                    }
                }
                if (code == null || display == null || value == null) {
                    ok = false;
                } else {
                    options.add(new AnswerOption(code, display, value, loinc));
                }
            }
            return ok ? options : null;
        }

        private List<Item> items(Map<String, NodeTuple> fields, MappingNode instrument, Map<String, AnswerSet> sets) {
            var items = new ArrayList<Item>();
            var entries = list(fields, "items", "", instrument, "an instrument needs at least one item");
            if (entries == null) return items;
            if (entries.getValue().size() > MAX_ITEMS) {
                problem(line(fields.get("items").getKeyNode()), "items", "an instrument can have at most " + MAX_ITEMS + " items; this one has "
                        + entries.getValue().size());
            }
            var firstUse = new HashMap<String, Integer>();
            var used = new HashSet<String>();
            for (int i = 0; i < entries.getValue().size(); i++) {
                String path = "items[" + i + "]";
                Node entry = entries.getValue().get(i);
                if (!(entry instanceof MappingNode item)) {
                    problem(line(entry), path, "expected the fields of an item, found " + describe(entry));
                    continue;
                }
                var itemFields = yaml.fields(item, path, ITEM_FIELDS);
                String linkId = pattern(itemFields, "link-id", path, item, true, CODE, 40,
                        "a link id is one to 40 letters, digits, dots, hyphens or underscores, like '9' or 'goal'");
                if (linkId != null) {
                    Integer earlier = firstUse.putIfAbsent(linkId, i);
                    if (earlier != null) {
                        problem(line(itemFields.get("link-id").getKeyNode()), path + ".link-id",
                                "the link id '" + linkId + "' is already used by items[" + earlier + "]");
                        linkId = null;
                    }
                }
                String text = yaml.text(itemFields, "text", path, item, true, MAX_TEXT);
                String answers = yaml.text(itemFields, "answers", path, item, true, MAX_KEY);
                if (answers != null) {
                    used.add(answers);
                    if (!sets.containsKey(answers) && !setIsNamedButBroken(fields, answers)) {
                        problem(line(itemFields.get("answers").getKeyNode()), path + ".answers",
                                "there is no answer set '" + answers + "'; the answer sets are "
                                        + (sets.isEmpty() ? "missing" : String.join(", ", sets.keySet())));
                    }
                }
                Boolean reverse = flag(itemFields, "reverse-keyed", path, item, false);
                Boolean risk = flag(itemFields, "risk", path, item, false);
                String loinc = loinc(itemFields, "loinc", path, item, LOINC);
                if (linkId != null && text != null && answers != null && sets.containsKey(answers)) {
                    items.add(new Item(linkId, text, answers, Boolean.TRUE.equals(reverse), Boolean.TRUE.equals(risk),
                            loinc));
                }
            }
            var unused = new ArrayList<>(sets.keySet());
            unused.removeAll(used);
            for (String key : unused) {
                problem(line(fields.get("answer-sets").getKeyNode()), "answer-sets",
                        "the answer set '" + key + "' is not used by any item; remove it or refer to it");
            }
            return items;
        }

        /** Whether an answer set with this key was written but refused, so a second problem is not reported. */
        private boolean setIsNamedButBroken(Map<String, NodeTuple> fields, String key) {
            var tuple = fields.get("answer-sets");
            if (tuple == null || !(tuple.getValueNode() instanceof SequenceNode sequence)) return false;
            for (Node entry : sequence.getValue()) {
                if (!(entry instanceof MappingNode set)) continue;
                for (NodeTuple field : set.getValue()) {
                    if (field.getKeyNode() instanceof ScalarNode name && name.getValue().equals("key")
                            && field.getValueNode() instanceof ScalarNode value && value.getValue().strip().equals(key)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private @Nullable Scoring scoring(Map<String, NodeTuple> fields, MappingNode instrument,
                Map<String, AnswerSet> sets, List<Item> items) {
            var scoring = group(fields, "scoring", "", instrument, true);
            if (scoring == null) return null;
            var scoringFields = yaml.fields(scoring, "scoring", SCORING_FIELDS);
            var method = choice(scoringFields, "method", "scoring", scoring, true, METHODS);
            var higherIsBetter = choice(scoringFields, "higher-is", "scoring", scoring, true, HIGHER_IS);
            Integer maxMissing = whole(scoringFields, "max-missing", "scoring", scoring, true, 0, MAX_ITEMS);
            var rounding = choice(scoringFields, "rounding", "scoring", scoring, false, ROUNDINGS);
            boolean itemsReadable = fields.containsKey("items") && items.size() == sizeOf(fields.get("items"));
            double[] range = method != null && itemsReadable && !items.isEmpty()
                    ? new double[] {extreme(method, items, sets, false), extreme(method, items, sets, true)}
                    : null;
            List<SeverityBand> bands = bands(scoringFields, range);
            CutOff cutOff = cutOff(scoringFields, scoring, range);
            Double reliableChange = number(scoringFields, "reliable-change", "scoring", scoring, false);
            Double reliability = number(scoringFields, "reliability", "scoring", scoring, false);
            Double sd = number(scoringFields, "standard-deviation", "scoring", scoring, false);

            if (reliableChange != null && reliableChange <= 0) {
                problem(line(scoringFields.get("reliable-change").getKeyNode()), "scoring.reliable-change",
                        "a reliable-change value is a number of points greater than 0");
                reliableChange = null;
            }
            if (reliability != null && (reliability <= 0 || reliability >= 1)) {
                problem(line(scoringFields.get("reliability").getKeyNode()), "scoring.reliability",
                        "a reliability is a number between 0 and 1, such as 0.84");
                reliability = null;
            }
            if (sd != null && sd <= 0) {
                problem(line(scoringFields.get("standard-deviation").getKeyNode()), "scoring.standard-deviation",
                        "a standard deviation is a number greater than 0");
                sd = null;
            }
            if (scoringFields.containsKey("reliability") != scoringFields.containsKey("standard-deviation")) {
                String given = scoringFields.containsKey("reliability") ? "reliability" : "standard-deviation";
                problem(line(scoringFields.get(given).getKeyNode()), "scoring." + given,
                        "reliability and standard-deviation go together: give both, so reliable change can be"
                                + " computed, or neither");
            }
            if (scoringFields.containsKey("reliable-change") && scoringFields.containsKey("reliability")) {
                problem(line(scoringFields.get("reliability").getKeyNode()), "scoring.reliability",
                        "give either a reliable-change value or the reliability and standard deviation to compute"
                                + " one, not both");
            }
            if (maxMissing != null && itemsReadable && maxMissing >= items.size()) {
                problem(line(scoringFields.get("max-missing").getKeyNode()), "scoring.max-missing",
                        "at most " + (items.size() - 1) + " of the " + items.size()
                                + " items may be missing, so that at least one is answered");
                maxMissing = null;
            }
            if (range != null && reliableChange != null && reliableChange > range[1] - range[0]) {
                problem(line(scoringFields.get("reliable-change").getKeyNode()), "scoring.reliable-change",
                        "a reliable change of " + number(reliableChange) + " points is more than the whole range"
                                + " of totals (" + number(range[1] - range[0]) + ")");
            }
            if (method == null || higherIsBetter == null || maxMissing == null || bands == null
                    || yaml.hasProblems()) {
                return null;
            }
            return new Scoring(method, higherIsBetter, maxMissing, rounding == null ? Scoring.Rounding.NONE : rounding,
                    bands, cutOff, reliableChange, reliability, sd);
        }

        private static int sizeOf(NodeTuple tuple) {
            return tuple.getValueNode() instanceof SequenceNode sequence ? sequence.getValue().size() : -1;
        }

        private static double extreme(Scoring.Method method, List<Item> items, Map<String, AnswerSet> sets,
                boolean highest) {
            double sum = 0;
            for (var item : items) {
                var set = sets.get(item.answerSet());
                sum += highest ? set.highest() : set.lowest();
            }
            return method == Scoring.Method.MEAN_TIMES_10 ? 10 * sum / items.size() : sum;
        }

        /** The bands in order, or null when any of them is wrong (so no band is half read). */
        private @Nullable List<SeverityBand> bands(Map<String, NodeTuple> fields, double @Nullable [] range) {
            var bands = new ArrayList<SeverityBand>();
            var tuple = fields.get("bands");
            if (tuple == null || isNull(tuple.getValueNode())) return bands;
            if (!(tuple.getValueNode() instanceof SequenceNode entries)) {
                problem(line(tuple.getKeyNode()), "scoring.bands", "expected a list of bands, found "
                        + describe(tuple.getValueNode()));
                return null;
            }
            if (entries.getValue().size() > MAX_BANDS) {
                problem(line(tuple.getKeyNode()), "scoring.bands",
                        "at most " + MAX_BANDS + " bands are allowed; found " + entries.getValue().size());
                return null;
            }
            boolean ok = true;
            for (int i = 0; i < entries.getValue().size(); i++) {
                String path = "scoring.bands[" + i + "]";
                Node entry = entries.getValue().get(i);
                if (!(entry instanceof MappingNode band)) {
                    problem(line(entry), path, "expected the fields of a band (from, to, label), found " + describe(entry));
                    ok = false;
                    continue;
                }
                var bandFields = yaml.fields(band, path, BAND_FIELDS);
                Integer from = whole(bandFields, "from", path, band, true, -100_000, 100_000);
                Integer to = whole(bandFields, "to", path, band, true, -100_000, 100_000);
                String label = yaml.text(bandFields, "label", path, band, true, MAX_SHORT);
                if (from == null || to == null || label == null) {
                    ok = false;
                    continue;
                }
                if (from > to) {
                    problem(line(bandFields.get("to").getKeyNode()), path + ".to",
                            "a band runs from its lower total to its higher one; " + to + " is below " + from);
                    ok = false;
                    continue;
                }
                if (!bands.isEmpty()) {
                    var previous = bands.get(bands.size() - 1);
                    if (from != previous.to() + 1) {
                        problem(line(bandFields.get("from").getKeyNode()), path + ".from",
                                "bands must follow on without gaps or overlaps: after a band ending at "
                                        + previous.to() + " the next starts at " + (previous.to() + 1) + ", not " + from);
                        ok = false;
                        continue;
                    }
                }
                bands.add(new SeverityBand(from, to, label));
            }
            if (!ok) return null;
            if (range != null && !bands.isEmpty()) {
                int first = (int) Math.floor(range[0]);
                int last = (int) Math.ceil(range[1]);
                var nodes = entries.getValue();
                if (bands.get(0).from() != first) {
                    problem(line(nodes.get(0)), "scoring.bands[0].from", "the first band must start at the lowest"
                            + " possible total, " + first + ", not " + bands.get(0).from());
                    ok = false;
                }
                if (bands.get(bands.size() - 1).to() != last) {
                    problem(line(nodes.get(nodes.size() - 1)), "scoring.bands[" + (nodes.size() - 1) + "].to",
                            "the last band must end at the highest possible total, " + last + ", not "
                                    + bands.get(bands.size() - 1).to());
                    ok = false;
                }
            }
            return ok ? bands : null;
        }

        private @Nullable CutOff cutOff(Map<String, NodeTuple> fields, MappingNode scoring, double @Nullable [] range) {
            var group = group(fields, "cut-off", "scoring", scoring, false);
            if (group == null) return null;
            String path = "scoring.cut-off";
            var cutOffFields = yaml.fields(group, path, CUT_OFF_FIELDS);
            Double value = number(cutOffFields, "value", path, group, true);
            Boolean inclusive = choice(cutOffFields, "rule", path, group, true, CUT_OFF_RULES);
            String meaning = yaml.text(cutOffFields, "meaning", path, group, true, MAX_TEXT);
            if (value != null && range != null && (value < range[0] || value > range[1])) {
                problem(line(cutOffFields.get("value").getKeyNode()), path + ".value", "the cut-off " + number(value)
                        + " is outside the totals this instrument can give (" + number(range[0]) + " to "
                        + number(range[1]) + ")");
                return null;
            }
            if (value == null || inclusive == null || meaning == null) return null;
            return new CutOff(value, inclusive, meaning);
        }

        private @Nullable String pattern(Map<String, NodeTuple> fields, String name, String path, MappingNode parent,
                boolean required, Pattern pattern, int max, String explanation) {
            String text = yaml.text(fields, name, path, parent, required, max);
            if (text == null) return null;
            if (!pattern.matcher(text).matches()) {
                problem(line(fields.get(name).getKeyNode()), join(path, name), explanation + "; found '" + text + "'");
                return null;
            }
            return text;
        }

        private @Nullable String loinc(
                Map<String, NodeTuple> fields, String name, String path, MappingNode parent, Pattern pattern) {
            return pattern(fields, name, path, parent, false, pattern, 20, pattern == LOINC_ANSWER
                    ? "a LOINC answer code looks like 'LA6568-5'"
                    : "a LOINC code is digits, a hyphen and a check digit, like '44249-1'");
        }

        private @Nullable Boolean flag(
                Map<String, NodeTuple> fields, String name, String path, MappingNode parent, boolean required) {
            var tuple = fields.get(name);
            if (tuple == null) {
                if (required) problem(line(parent), join(path, name), "'" + name + "' is missing; write true or false");
                return null;
            }
            Node value = tuple.getValueNode();
            String text = value instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
            if (text.equalsIgnoreCase("true")) return true;
            if (text.equalsIgnoreCase("false")) return false;
            problem(line(tuple.getKeyNode()), join(path, name), "expected true or false, found " + describe(value));
            return null;
        }

        private @Nullable Integer whole(Map<String, NodeTuple> fields, String name, String path, MappingNode parent,
                boolean required, int min, int max) {
            String text = yaml.text(fields, name, path, parent, required, 20);
            if (text == null) return null;
            int line = line(fields.get(name).getKeyNode());
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    problem(line, join(path, name), "expected a whole number from " + min + " to " + max + ", found " + value);
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problem(line, join(path, name), "expected a whole number, found '" + text + "'");
                return null;
            }
        }

        private @Nullable Double number(
                Map<String, NodeTuple> fields, String name, String path, MappingNode parent, boolean required) {
            String text = yaml.text(fields, name, path, parent, required, 20);
            if (text == null) return null;
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && text.matches("^-?[0-9]+(\\.[0-9]+)?$")) return value;
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(line(fields.get(name).getKeyNode()), join(path, name), "expected a number such as 6 or 0.84, found '"
                    + text + "'");
            return null;
        }

        private <E> @Nullable E choice(Map<String, NodeTuple> fields, String name, String path, MappingNode parent,
                boolean required, Map<String, E> choices) {
            String text = yaml.text(fields, name, path, parent, required, MAX_KEY);
            if (text == null) return null;
            E value = choices.get(text);
            if (value == null) {
                problem(line(fields.get(name).getKeyNode()), join(path, name),
                        "expected one of " + String.join(", ", choices.keySet()) + "; found '" + text + "'");
            }
            return value;
        }

        private @Nullable MappingNode group(
                Map<String, NodeTuple> fields, String name, String path, MappingNode parent, boolean required) {
            var tuple = fields.get(name);
            if (tuple == null || isNull(tuple.getValueNode())) {
                if (required) {
                    problem(tuple == null ? line(parent) : line(tuple.getKeyNode()), join(path, name),
                            "'" + name + "' is missing");
                }
                return null;
            }
            if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
                problem(line(tuple.getKeyNode()), join(path, name), "expected fields, found " + describe(tuple.getValueNode()));
                return null;
            }
            return mapping;
        }

        private @Nullable SequenceNode list(
                Map<String, NodeTuple> fields, String name, String path, MappingNode parent, String whenMissing) {
            var tuple = fields.get(name);
            if (tuple == null || isNull(tuple.getValueNode())) {
                problem(tuple == null ? line(parent) : line(tuple.getKeyNode()), join(path, name), whenMissing);
                return null;
            }
            if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
                problem(line(tuple.getKeyNode()), join(path, name), "expected a list, found " + describe(tuple.getValueNode()));
                return null;
            }
            if (sequence.getValue().isEmpty()) {
                problem(line(tuple.getKeyNode()), join(path, name), whenMissing);
                return null;
            }
            return sequence;
        }

        private void problem(int line, String field, String message) {
            yaml.problem(line, field, message);
        }

        private static String number(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}

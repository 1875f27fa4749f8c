package org.rapport.notes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.RuleBroken;

/**
 * The shape of a session note: its named sections, in order. Four ship with Rapport (DAP, SOAP,
 * BIRP and free text); an organisation may add its own, which are never changed afterwards because
 * notes were written to them.
 */
public record NoteTemplate(String key, String name, List<String> sections, boolean builtIn) {

    /** The most a section, an addendum or a process note may hold. */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_SECTIONS = 10;
    public static final int MAX_NAME = 120;

    static final List<NoteTemplate> BUILT_IN = List.of(
            new NoteTemplate("dap", "DAP (Data, Assessment, Plan)", List.of("Data", "Assessment", "Plan"), true),
            new NoteTemplate("soap", "SOAP (Subjective, Objective, Assessment, Plan)",
                    List.of("Subjective", "Objective", "Assessment", "Plan"), true),
            new NoteTemplate("birp", "BIRP (Behaviour, Intervention, Response, Plan)",
                    List.of("Behaviour", "Intervention", "Response", "Plan"), true),
            new NoteTemplate("free", "Free text", List.of("Note"), true));

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public NoteTemplate {
        sections = List.copyOf(sections);
    }

    static Optional<NoteTemplate> builtIn(String key) {
        return BUILT_IN.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /**
     * An organisation's own template, checked: a key of lower-case letters, digits and hyphens, a
     * name, and one to ten distinct section names.
     */
    static NoteTemplate own(@Nullable String key, @Nullable String name, @Nullable List<String> sections) {
        String k = key == null ? "" : key.strip();
        if (!KEY.matcher(k).matches()) {
            throw new RuleBroken("Give the template a key of 2 to 40 lower-case letters, digits or hyphens, "
                    + "starting with a letter (for example 'group-work').");
        }
        if (builtIn(k).isPresent()) throw new RuleBroken("The key '" + k + "' belongs to a built-in template; choose another key.");
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) throw new RuleBroken("Give the template a name.");
        if (n.length() > MAX_NAME) throw new RuleBroken("Keep the template's name to " + MAX_NAME + " characters.");
        List<String> headings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String section : sections == null ? List.<String>of() : sections) {
            String heading = section == null ? "" : section.strip();
            if (heading.isEmpty()) continue;
            if (heading.length() > MAX_NAME) throw new RuleBroken("Keep each section name to " + MAX_NAME + " characters.");
            if (!seen.add(heading.toLowerCase(Locale.ROOT))) {
                throw new RuleBroken("The section '" + heading + "' is named twice; give each section its own name.");
            }
            headings.add(heading);
        }
        if (headings.isEmpty()) throw new RuleBroken("Name at least one section of the template.");
        if (headings.size() > MAX_SECTIONS) throw new RuleBroken("A template has at most " + MAX_SECTIONS + " sections.");
        return new NoteTemplate(k, n, headings, false);
    }

    /** This template's sections filled with the texts given for them; see {@link #fill(String, List, Map)}. */
    List<NoteView.Section> fill(@Nullable Map<String, String> texts) {
        return fill(name, sections, texts);
    }

    /**
     * The sections, in order, with the texts given for them. Every section must be given (a blank
     * text is fine), no other may be, no text may be longer than {@value #MAX_TEXT} characters, and
     * at least one must say something.
     */
    static List<NoteView.Section> fill(String templateName, List<String> headings, @Nullable Map<String, String> texts) {
        Map<String, String> given = texts == null ? Map.of() : new LinkedHashMap<>(texts);
        List<String> unknown = given.keySet().stream().filter(h -> !headings.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleBroken("The template " + templateName + " has no section " + quoted(unknown)
                    + "; its sections are " + String.join(", ", headings) + ".");
        }
        List<String> missing = headings.stream().filter(h -> given.get(h) == null).toList();
        if (!missing.isEmpty()) {
            throw new RuleBroken("Give every section of the template " + templateName + " (a section may be left blank): "
                    + quoted(missing) + (missing.size() == 1 ? " is" : " are") + " missing.");
        }
        List<NoteView.Section> filled = new ArrayList<>();
        for (String heading : headings) {
            String text = given.get(heading);
            if (text.length() > MAX_TEXT) {
                throw new RuleBroken("The section '" + heading + "' is " + text.length() + " characters long; keep each "
                        + "section to " + MAX_TEXT + " characters.");
            }
            filled.add(new NoteView.Section(heading, text.strip()));
        }
        if (filled.stream().allMatch(s -> s.text().isBlank())) {
            throw new RuleBroken("The note is empty; write at least one section.");
        }
        return filled;
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}

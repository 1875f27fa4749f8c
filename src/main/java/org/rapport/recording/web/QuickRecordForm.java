package org.rapport.recording.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.GoalId;
import org.rapport.platform.PlausibleDates;
import org.rapport.recording.QuickRecord;
import org.rapport.relationships.MeetingMode;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionOutcome;
import org.springframework.util.MultiValueMap;

/**
 * The quick recording form as typed: every value kept as text so a refused form comes back exactly
 * as it was sent, and read into a {@link QuickRecord} with a plain message for each value that is
 * not of the right kind. Public, with public accessors, because the template reads it.
 */
public record QuickRecordForm(String on, String at, String lengthMinutes, String mode, String place, String outcome,
        List<String> present, List<String> skills, Map<String, String> ratings, String noteTemplate,
        List<String> sections, boolean signNote) {

    static QuickRecordForm blank(LocalDate today, LocalTime now, int lengthMinutes, MeetingMode mode,
            List<UUID> currentMembers, String noteTemplate, int sectionCount) {
        return new QuickRecordForm(today.toString(), now.withSecond(0).withNano(0).toString(),
                Integer.toString(lengthMinutes), mode.name(), "", SessionOutcome.ATTENDED.name(),
                currentMembers.stream().map(UUID::toString).toList(), List.of(), Map.of(), noteTemplate,
                blankSections(sectionCount), true);
    }

    static QuickRecordForm from(MultiValueMap<String, String> params, int sectionCount) {
        Map<String, String> ratings = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("rating-") && !values.isEmpty()) ratings.put(name.substring(7), values.get(0));
        });
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < sectionCount; i++) sections.add(value(params, "section-" + i));
        return new QuickRecordForm(value(params, "on"), value(params, "at"), value(params, "lengthMinutes"),
                value(params, "mode"), value(params, "place"), value(params, "outcome"), values(params, "present"),
                values(params, "skills"), ratings, value(params, "noteTemplate"), sections,
                params.containsKey("signNote"));
    }

    /**
     * Reads the form, adding a message to {@code problems} for each value that cannot be read.
     * {@code members} are the current members whose attendance is recorded (none for a person).
     */
    @Nullable QuickRecord read(List<String> members, List<String> sectionHeadings, List<String> problems) {
        LocalDate day = parse(() -> LocalDate.parse(on), "Give the date of the session.", problems);
        if (day != null && !PlausibleDates.contains(day)) {
            problems.add("The date of the session: " + PlausibleDates.MESSAGE);
            day = null;
        }
        LocalTime time = parse(() -> LocalTime.parse(at), "Give the time the session started.", problems);
        Integer length = parse(() -> Integer.valueOf(lengthMinutes.strip()), "Give the length in whole minutes.", problems);
        MeetingMode how = parse(() -> MeetingMode.valueOf(mode), "Choose how you met.", problems);
        SessionOutcome what = parse(() -> SessionOutcome.valueOf(outcome), "Choose what happened.", problems);
        if (what == SessionOutcome.SCHEDULED) problems.add("Choose what happened: a recorded session is not still to come.");
        Set<HelpingSkill> chosen = EnumSet.noneOf(HelpingSkill.class);
        for (String skill : skills) {
            HelpingSkill s = parse(() -> HelpingSkill.valueOf(skill), "Choose skills from the list.", problems);
            if (s != null) chosen.add(s);
        }
        Map<UUID, Boolean> attendance = new HashMap<>();
        for (String member : members) attendance.put(UUID.fromString(member), present.contains(member));
        for (String member : present) {
            if (!members.contains(member)) problems.add("Attendance can only be recorded for the client party's members.");
        }
        Map<GoalId, Integer> levels = new HashMap<>();
        ratings.forEach((goal, level) -> {
            if (level == null || level.isBlank()) return;
            UUID id = parse(() -> UUID.fromString(goal), "A rating was sent for a goal Rapport does not know.", problems);
            Integer value = parse(() -> Integer.valueOf(level.strip()), "A goal rating is a level from −2 to +2.", problems);
            if (id != null && value != null) levels.put(new GoalId(id), value);
        });
        Map<String, String> noteSections = new LinkedHashMap<>();
        for (int i = 0; i < sectionHeadings.size() && i < sections.size(); i++) {
            noteSections.put(sectionHeadings.get(i), sections.get(i));
        }
        if (!problems.isEmpty()) return null;
        return new QuickRecord(day, time, length, how, place.isBlank() ? null : place.strip(), what,
                attendance, chosen, levels, noteTemplate, noteSections, signNote);
    }

    /** Whether the template should show this level as chosen for this goal ("" means not rated). */
    public boolean rated(UUID goal, String level) {
        return level.equals(ratings.getOrDefault(goal.toString(), ""));
    }

    public String section(int index) {
        return index < sections.size() ? sections.get(index) : "";
    }

    private interface Parse<T> {
        T get() throws Exception;
    }

    private static <T> @Nullable T parse(Parse<T> parse, String problem, List<String> problems) {
        try {
            return parse.get();
        } catch (Exception e) {
            if (!problems.contains(problem)) problems.add(problem);
            return null;
        }
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    private static List<String> blankSections(int count) {
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) sections.add("");
        return sections;
    }
}

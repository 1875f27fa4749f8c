package org.rapport.recording;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.GoalId;
import org.rapport.relationships.MeetingMode;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionOutcome;

/**
 * Everything a helper records about one session in one go. Ratings and the note are optional; a
 * note is written when any of its sections has text.
 */
public record QuickRecord(LocalDate on, LocalTime at, int lengthMinutes, MeetingMode mode, @Nullable String place,
        SessionOutcome outcome, Map<UUID, Boolean> attendance, Set<HelpingSkill> skills, Map<GoalId, Integer> ratings,
        @Nullable String noteTemplate, Map<String, String> noteSections, boolean signNote) {

    public QuickRecord {
        attendance = Map.copyOf(attendance);
        skills = Set.copyOf(skills);
        ratings = Map.copyOf(ratings);
        noteSections = Map.copyOf(noteSections);
    }

    boolean hasNote() {
        return noteSections.values().stream().anyMatch(text -> text != null && !text.isBlank());
    }

    @Override
    public String toString() {
        // Never print the note's text.
        return "QuickRecord[" + on + " " + at + ", " + outcome + ", " + ratings.size() + " ratings, note: " + hasNote() + "]";
    }
}

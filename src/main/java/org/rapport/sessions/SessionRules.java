package org.rapport.sessions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientParty;
import org.rapport.people.ClientPartyKind;
import org.rapport.shared.RuleBroken;

/**
 * What a session must be to be stored: a sensible length, a day that fits how it is entered
 * (ahead, or after the fact), an outcome that can have happened by now, and for a couple, family
 * or group every member of the day marked present or not, and nobody else.
 */
final class SessionRules {

    static final int SHORTEST_MINUTES = 5;
    static final int LONGEST_MINUTES = 480;
    static final int YEARS_AHEAD = 2;
    static final int PLACE_LENGTH = 200;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private SessionRules() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** A session to schedule ahead: today at the earliest, two years ahead at the latest. */
    static NewSession scheduling(@Nullable NewSession session, LocalDate today) {
        NewSession checked = common(session);
        if (checked.on().isBefore(today)) {
            throw new RuleBroken("A session scheduled ahead cannot be in the past: record a session that has happened instead.");
        }
        if (checked.on().isAfter(today.plusYears(YEARS_AHEAD))) {
            throw new RuleBroken("A session can be scheduled at most two years ahead.");
        }
        return checked;
    }

    /** A session recorded after the fact: not in the future, and not before the referral. */
    static NewSession afterTheFact(@Nullable NewSession session, LocalDate today, LocalDate referredOn) {
        NewSession checked = common(session);
        if (checked.on().isAfter(today)) {
            throw new RuleBroken("A session recorded after the fact cannot be in the future: schedule it instead.");
        }
        if (checked.on().isBefore(referredOn)) {
            throw new RuleBroken("The session cannot be before the referral on " + day(referredOn) + ".");
        }
        return checked;
    }

    private static NewSession common(@Nullable NewSession session) {
        if (session == null || session.on() == null) throw new RuleBroken("Give the day of the session.");
        if (session.at() == null) throw new RuleBroken("Give the time the session starts.");
        if (session.mode() == null) throw new RuleBroken("Choose how you meet: in person, video or phone.");
        if (session.lengthMinutes() < SHORTEST_MINUTES) {
            throw new RuleBroken("A session lasts at least " + SHORTEST_MINUTES + " minutes.");
        }
        if (session.lengthMinutes() > LONGEST_MINUTES) {
            throw new RuleBroken("A session lasts at most " + LONGEST_MINUTES + " minutes (eight hours).");
        }
        String place = session.place() == null || session.place().isBlank() ? null : session.place().strip();
        if (place != null && place.length() > PLACE_LENGTH) {
            throw new RuleBroken("Keep the place to " + PLACE_LENGTH + " characters.");
        }
        return new NewSession(session.on(), session.at().withSecond(0).withNano(0), session.lengthMinutes(),
                session.mode(), place);
    }

    /**
     * Checks what happened at a session on this day against the client party, and returns the
     * attendance to keep: every member current on the day, in the order they joined.
     */
    static List<MemberAttendance> recording(@Nullable SessionRecord record, LocalDate on, LocalDate today,
            ClientParty party) {
        if (record == null || record.outcome() == null || record.outcome() == SessionOutcome.SCHEDULED) {
            throw new RuleBroken("Choose what happened: attended, cancelled by the client, cancelled by the helper "
                    + "or did not attend.");
        }
        SessionOutcome outcome = record.outcome();
        if (outcome.needsDayToHaveCome() && on.isAfter(today)) {
            throw new RuleBroken("The session on " + day(on) + " has not happened yet: for now it can only be cancelled.");
        }
        if (!outcome.isHeld()) {
            if (!record.skills().isEmpty()) {
                throw new RuleBroken("Helping skills are recorded only for a session that was held.");
            }
            if (!record.attendance().isEmpty()) {
                throw new RuleBroken("Attendance is recorded only for a session that was held.");
            }
            return List.of();
        }
        Map<UUID, Boolean> marked = record.attendance();
        if (party.kind() == ClientPartyKind.PERSON) {
            if (!marked.isEmpty()) {
                throw new RuleBroken("Attendance member by member is for couples, families and groups, not for one person.");
            }
            return List.of();
        }
        List<ClientMember> current = party.currentMembers(on);
        Set<UUID> currentIds = current.stream().map(m -> m.id().value()).collect(Collectors.toSet());
        if (!currentIds.containsAll(marked.keySet())) {
            throw new RuleBroken("Attendance names someone who was not a member of " + party.name() + " on " + day(on)
                    + ".");
        }
        List<String> unmarked = current.stream().filter(m -> !marked.containsKey(m.id().value()))
                .map(ClientMember::name).toList();
        if (!unmarked.isEmpty()) {
            throw new RuleBroken("Mark whether each member was there; not yet marked: " + String.join(", ", unmarked) + ".");
        }
        List<MemberAttendance> attendance = new ArrayList<>();
        for (ClientMember member : current) {
            attendance.add(new MemberAttendance(member.id().value(), member.name(), marked.get(member.id().value())));
        }
        if (attendance.stream().noneMatch(MemberAttendance::present)) {
            throw new RuleBroken("Nobody is marked present: record the session as not attended instead.");
        }
        return attendance;
    }
}

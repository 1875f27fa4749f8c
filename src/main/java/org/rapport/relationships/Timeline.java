package org.rapport.relationships;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientParty;

/** Gathers what happened in a relationship into one timeline, newest first. */
final class Timeline {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);

    private Timeline() {
    }

    private static String day(java.time.LocalDate date) {
        return DAY.format(date);
    }

    static List<TimelineEntry> of(Relationship relationship, ClientParty client) {
        List<TimelineEntry> entries = new ArrayList<>();
        Referral referral = relationship.referral();
        entries.add(new TimelineEntry(relationship.openedAt(), "referral", "Referral taken",
                "Referred by " + referral.source() + " on " + day(referral.referredOn()) + " (" + referral.urgency().label()
                        + ")", relationship.takenByName() == null ? "" : relationship.takenByName()));
        relationship.statusChanges().forEach(s -> entries.add(new TimelineEntry(s.changedAt(), "status",
                "Status: " + s.fromStatus().label() + " → " + s.toStatus().label(), s.reason(), s.changedByName())));
        relationship.phaseMoves().forEach(m -> entries.add(new TimelineEntry(m.movedAt(), "phase",
                (m.isStepBack() ? "Stepped back to " : "Moved on to ") + m.toPhaseName(),
                "From " + m.fromPhaseName() + ". " + m.reason(), m.movedByName())));
        relationship.taskCompletions().forEach(t -> entries.add(new TimelineEntry(t.recordedAt(), "task",
                "Task done: " + t.task(), "Done on " + day(t.doneOn()), t.doneByName())));
        relationship.agreementRevisions().forEach(a -> {
            entries.add(new TimelineEntry(a.writtenAt(), "agreement",
                    a.revision() == 1 ? "Working agreement written" : "Working agreement revised (revision " + a.revision() + ")",
                    a.changeNote() == null ? "" : a.changeNote(), a.writtenByName()));
            if (a.isAccepted() && a.acceptanceRecordedAt() != null) {
                entries.add(new TimelineEntry(a.acceptanceRecordedAt(), "agreement",
                        "Client accepted revision " + a.revision(),
                        a.acceptedHow().label() + " on " + day(a.acceptedOn()),
                        a.acceptanceRecordedByName() == null ? "" : a.acceptanceRecordedByName()));
            }
        });
        relationship.handovers().forEach(h -> {
            entries.add(new TimelineEntry(h.handedOverAt(), "handover",
                    "Handed over from " + h.fromHelperName() + " to " + h.toHelperName(),
                    "Reason: " + h.reason().label(), h.handedOverByName()));
            if (h.isConfirmed()) {
                entries.add(new TimelineEntry(h.confirmedAt(), "handover",
                        h.toHelperName() + " confirmed taking the work on", "", h.confirmedByName()));
            }
        });
        for (ClientMember member : client.members()) {
            if (member.joinedOn().isAfter(referral.referredOn())) {
                entries.add(new TimelineEntry(startOf(member.joinedOn()), "member", member.name() + " joined", "", ""));
            }
            if (member.leftOn() != null) {
                entries.add(new TimelineEntry(startOf(member.leftOn()), "member", member.name() + " left", "", ""));
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    private static Instant startOf(java.time.LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
    }
}

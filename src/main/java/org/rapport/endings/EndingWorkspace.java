package org.rapport.endings;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.DueMeasure;
import org.rapport.relationships.RelationshipId;

/**
 * The ending workspace: the four parts as saved, the live facts beside the gains, the parts still to
 * do, and, once closed, how the work closed.
 *
 * @param version          the ending's version, carried by every change (0 before anything is saved)
 * @param suggestedDates   the follow-up dates part four starts from: one, three and six months after
 *                         the last attended session
 * @param instruments      the short measures a follow-up may carry (key and label)
 * @param followUpMeasure  the short measure part four offers until one is saved: the measurement
 *                         plan's instrument "at follow-ups", else {@link EndingManagement#DEFAULT_FOLLOW_UP_MEASURE}
 * @param dueAtEnding      the measures the measurement plan gives at the ending, to be answered
 *                         before the gains are written
 * @param beforeClosing    what contradicts closing as planned now (empty once closed)
 */
public record EndingWorkspace(RelationshipId relationship, String clientName, String helperName, String status,
        boolean inEndingPhase, int version, Gains gains, WhyItEnds whyItEnds, Confidence confidence, OpenDoor openDoor,
        boolean openDoorSaved, GainsFacts facts, List<EndingPart> missingParts, List<LocalDate> suggestedDates,
        List<Choice> instruments, String followUpMeasure, List<DueMeasure> dueAtEnding, @Nullable ClosedEnding closed,
        boolean mayChange, BeforeClosing beforeClosing) {

    public EndingWorkspace {
        missingParts = List.copyOf(missingParts);
        suggestedDates = List.copyOf(suggestedDates);
        instruments = List.copyOf(instruments);
        dueAtEnding = List.copyOf(dueAtEnding);
    }

    /** Whether the measures due at the ending may be given from here: before closing, by someone who may change the work. */
    public boolean mayGiveMeasures() {
        return mayChange && closed == null;
    }

    /** The reason of part two as helpers read it, or null before one is chosen. */
    public @Nullable String reasonLabel() {
        return EndingReason.ofCode(whyItEnds.reason()).map(EndingReason::label).orElse(null);
    }

    public boolean hasClosed() {
        return closed != null;
    }

    public boolean isDone(EndingPart part) {
        return !missingParts.contains(part);
    }

    /** Whether the four parts are done; {@link BeforeClosing#isClear()} says whether anything else stands in the way. */
    public boolean readyToClose() {
        return missingParts.isEmpty();
    }

    /** The dates part four shows: those saved, else the suggested ones. */
    public List<LocalDate> datesToShow() {
        return openDoorSaved ? openDoor.followUpDates() : suggestedDates;
    }

    /** One option of a choice: its code and its label. */
    public record Choice(String code, String label) {
    }
}

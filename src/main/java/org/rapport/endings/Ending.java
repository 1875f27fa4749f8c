package org.rapport.endings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.FreeText;
import org.rapport.shared.RuleBroken;

/**
 * The ending of one relationship: the four parts of a planned ending, each saved and marked done
 * on its own, and, once closed, how (planned or not), on which day and why.
 *
 * <p>The rule of the four parts: a planned ending closes only when all four are done. Each part is
 * checked whole when it is saved, so a part marked done is always complete. Once closed, nothing
 * here changes.
 */
final class Ending {

    static final int SUMMARY_MAX = 4000;
    static final int TEXT_MAX = 2000;
    static final int NO_FOLLOW_UP_MAX = 500;
    static final int MAX_FOLLOW_UPS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    enum Kind { PLANNED, UNPLANNED }

    /** How the work was closed. */
    record Closing(Kind kind, LocalDate endedOn, String reason, @Nullable String explanation, LocalDate lastSessionOn,
            @Nullable String reconnectPath, Instant closedAt, String closedByName) {
    }

    private final UUID relationshipId;
    private final UUID clientPartyId;
    private Gains gains;
    private WhyItEnds why;
    private Confidence confidence;
    private OpenDoor door;
    private boolean doorSaved;
    private @Nullable Closing closing;
    private final int version;

    Ending(UUID relationshipId, UUID clientPartyId, Gains gains, WhyItEnds why, Confidence confidence, OpenDoor door,
            boolean doorSaved, @Nullable Closing closing, int version) {
        this.relationshipId = relationshipId;
        this.clientPartyId = clientPartyId;
        this.gains = gains;
        this.why = why;
        this.confidence = confidence;
        this.door = door;
        this.doorSaved = doorSaved;
        this.closing = closing;
        this.version = version;
    }

    /** An ending not yet begun: nothing written, version 0. */
    static Ending begin(UUID relationshipId, UUID clientPartyId) {
        return new Ending(relationshipId, clientPartyId, new Gains(null, null, false), new WhyItEnds(null, null, false),
                new Confidence(null, null, null, null, false), new OpenDoor(List.of(), null, null, false), false, null, 0);
    }

    void saveGains(Gains part) {
        requireOpen();
        String summary = FreeText.required(part.summary(), "The summary of the gains", SUMMARY_MAX);
        String words = FreeText.optional(part.clientWords(), "What the client said helped", TEXT_MAX);
        if (part.done() && words == null) {
            throw new RuleBroken("Write what the client said helped, in their words, before marking the gains done.");
        }
        gains = new Gains(summary, words, part.done());
    }

    void saveWhy(WhyItEnds part) {
        requireOpen();
        if (part.reason() == null || part.reason().isBlank()) throw new RuleBroken("Choose the reason the work ends.");
        EndingReason reason = EndingReason.ofCode(part.reason()).orElseThrow(() -> new RuleBroken(
                "There is no ending reason '" + FreeText.optional(part.reason(), "The reason", 60) + "'. Choose one of: "
                        + Arrays.stream(EndingReason.values()).map(r -> r.code() + " (" + r.label() + ")")
                                .collect(Collectors.joining(", ")) + "."));
        String explanation = FreeText.required(part.explanation(), "An honest explanation in plain words", TEXT_MAX);
        why = new WhyItEnds(reason.code(), explanation, part.done());
    }

    void saveConfidence(Confidence part) {
        requireOpen();
        confidence = new Confidence(
                FreeText.required(part.warningSigns(), "The early warning signs", TEXT_MAX),
                FreeText.required(part.whatHelps(), "What helps", TEXT_MAX),
                FreeText.required(part.peopleToContact(), "The people to contact", TEXT_MAX),
                FreeText.required(part.crisisPlan(), "What to do in a crisis", TEXT_MAX), part.done());
    }

    /**
     * Saves the open door: up to six follow-up dates, each after today and within two years, with a
     * short measure from those offered; or none, with the reason.
     */
    void saveDoor(OpenDoor part, Set<String> instrumentKeys, LocalDate today) {
        requireOpen();
        door = checkedDoor(part, instrumentKeys, today, today);
        doorSaved = true;
    }

    /** Checks an open door offered at closing or in part four; the dates must fall after {@code notBefore}. */
    static OpenDoor checkedDoor(OpenDoor part, Set<String> instrumentKeys, LocalDate today, LocalDate notOnOrBefore) {
        List<LocalDate> dates = new ArrayList<>(part.followUpDates());
        if (dates.size() > MAX_FOLLOW_UPS) {
            throw new RuleBroken("Agree at most " + MAX_FOLLOW_UPS + " follow-up check-ins; there are " + dates.size() + ".");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (LocalDate date : dates) {
            if (!seen.add(date)) throw new RuleBroken("The follow-up on " + DAY.format(date) + " is there twice.");
            if (!date.isAfter(notOnOrBefore)) {
                throw new RuleBroken("The follow-up on " + DAY.format(date) + " must fall after " + DAY.format(notOnOrBefore) + ".");
            }
            if (date.isAfter(today.plusYears(2))) {
                throw new RuleBroken("The follow-up on " + DAY.format(date) + " is more than two years away.");
            }
        }
        dates.sort(null);
        if (dates.isEmpty()) {
            String why = FreeText.required(part.noFollowUpReason(),
                    "With no follow-up check-ins, the reason (for example, the client declined them)", NO_FOLLOW_UP_MAX);
            return new OpenDoor(List.of(), null, why, part.done());
        }
        String key = part.instrumentKey() == null ? "" : part.instrumentKey().strip();
        if (key.isEmpty()) throw new RuleBroken("Choose the short measure each follow-up check-in carries.");
        if (!instrumentKeys.contains(key)) throw new RuleBroken("There is no measure '" + FreeText.optional(key, "The measure", 80) + "' to choose.");
        return new OpenDoor(dates, key, null, part.done());
    }

    /** The parts still to do before a planned ending can close, in their order. */
    List<EndingPart> missingParts() {
        List<EndingPart> missing = new ArrayList<>();
        if (!gains.done()) missing.add(EndingPart.GAINS);
        if (!why.done()) missing.add(EndingPart.WHY_IT_ENDS);
        if (!confidence.done()) missing.add(EndingPart.CONFIDENCE);
        if (!door.done() || !doorSaved) missing.add(EndingPart.OPEN_DOOR);
        return missing;
    }

    /**
     * Closes the work as planned: refused, naming them, until the four parts are done, while a
     * follow-up falls on or before the ending date, and while anything contradicts the ending (goals
     * still open, alerts not acknowledged, "goals met" when they were not: {@link BeforeClosing}).
     */
    void closePlanned(LocalDate endedOn, LocalDate lastSessionOn, @Nullable String reconnectPath, Instant at, String byName,
            BeforeClosing check) {
        requireOpen();
        List<EndingPart> missing = missingParts();
        if (!missing.isEmpty()) {
            throw new RuleBroken("The work cannot close as planned until all four parts of the ending are done. Still to do: "
                    + missing.stream().map(EndingPart::label).collect(Collectors.joining(", ")) + ".");
        }
        if (!check.isClear()) {
            throw new RuleBroken("The work cannot close as planned yet. " + String.join(" ", check.contradictions()));
        }
        for (LocalDate date : door.followUpDates()) {
            if (!date.isAfter(endedOn)) {
                throw new RuleBroken("The follow-up on " + DAY.format(date) + " falls on or before the ending date; change it in "
                        + EndingPart.OPEN_DOOR.label() + ".");
            }
        }
        closing = new Closing(Kind.PLANNED, endedOn, why.reason(), null, lastSessionOn, reconnectPath, at, byName);
    }

    /** Closes the work unplanned, with its reason and the open door offered, if it was. */
    void closeUnplanned(UnplannedReason reason, @Nullable String explanation, OpenDoor offered, LocalDate endedOn,
            LocalDate lastSessionOn, @Nullable String reconnectPath, Instant at, String byName) {
        requireOpen();
        door = offered;
        doorSaved = true;
        closing = new Closing(Kind.UNPLANNED, endedOn, reason.code(), explanation, lastSessionOn, reconnectPath, at, byName);
    }

    /** Keeps the reconnect link issued at closing, for the letter. */
    void reconnectAt(String path) {
        if (closing == null) throw new IllegalStateException("only a closed ending has a reconnect link");
        closing = new Closing(closing.kind(), closing.endedOn(), closing.reason(), closing.explanation(),
                closing.lastSessionOn(), path, closing.closedAt(), closing.closedByName());
    }

    private void requireOpen() {
        if (closing != null) throw new RuleBroken("This ending is closed; its parts can no longer change.");
    }

    UUID relationshipId() {
        return relationshipId;
    }

    UUID clientPartyId() {
        return clientPartyId;
    }

    Gains gains() {
        return gains;
    }

    WhyItEnds why() {
        return why;
    }

    Confidence confidence() {
        return confidence;
    }

    OpenDoor door() {
        return door;
    }

    boolean doorSaved() {
        return doorSaved;
    }

    @Nullable Closing closing() {
        return closing;
    }

    boolean isClosed() {
        return closing != null;
    }

    int version() {
        return version;
    }
}

package org.rapport.relationships;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.ClientParty;
import org.rapport.processmodels.Phase;
import org.rapport.processmodels.ProcessModel;

/**
 * Everything the relationship page shows, in one read: the parties, where the work stands in its
 * process model, the tasks of the current phase, the working agreement with its revisions, and the
 * timeline of what happened; and the earlier relationship whose work this one continues, or the later
 * one that continues it.
 */
public record RelationshipOverview(RelationshipId id, int version, ClientParty clientParty, List<HelperName> helpers,
        @Nullable String teamName, RelationshipStatus status, Set<RelationshipStatus> nextStatuses, ProcessModel model,
        int phaseIndex, List<PhaseTask> currentTasks, Referral referral, List<AgreementRevision> agreementRevisions,
        @Nullable LocalDate nextReviewOn, boolean reviewOverdue, @Nullable LocalDate lastContactOn,
        List<TimelineEntry> timeline, boolean mayChange, List<Handover> handovers, List<String> awaitedAfterHandover,
        @JsonIgnore @Nullable UUID askingHelperId, @Nullable Continuation continuesFrom,
        @Nullable Continuation continuedIn) {

    /** The latest handover, if the relationship was ever handed over. */
    public Optional<Handover> latestHandover() {
        return handovers.isEmpty() ? Optional.empty() : Optional.of(handovers.get(handovers.size() - 1));
    }

    /** Whether the person asking is the new lead helper who still has to confirm the latest handover. */
    public boolean mayConfirmHandover() {
        return mayChange && status.isOpen() && askingHelperId != null && latestHandover()
                .map(h -> !h.isConfirmed() && h.toHelperId().equals(askingHelperId)).orElse(false);
    }

    public boolean mayHandOver() {
        return mayChange && status.isOpen();
    }

    public Phase currentPhase() {
        return model.phase(phaseIndex);
    }

    public int phaseNumber() {
        return phaseIndex + 1;
    }

    public int phaseCount() {
        return model.phaseCount();
    }

    /** Share of the model's phases reached, in per cent. */
    public int progressPercent() {
        return Math.round(100f * phaseNumber() / phaseCount());
    }

    public Optional<Phase> nextPhase() {
        return phaseIndex + 1 < model.phaseCount() ? Optional.of(model.phase(phaseIndex + 1)) : Optional.empty();
    }

    public List<Phase> earlierPhases() {
        return model.phases().subList(0, phaseIndex);
    }

    public boolean allowsPhaseMoves() {
        return status.allowsPhaseMoves();
    }

    public Optional<AgreementRevision> currentAgreement() {
        return agreementRevisions.isEmpty() ? Optional.empty()
                : Optional.of(agreementRevisions.get(agreementRevisions.size() - 1));
    }

    public List<AgreementRevision> revisionsNewestFirst() {
        List<AgreementRevision> newestFirst = new java.util.ArrayList<>(agreementRevisions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The earlier phases, the nearest first (where a step back usually goes). */
    public List<Phase> earlierPhasesNearestFirst() {
        List<Phase> nearestFirst = new java.util.ArrayList<>(earlierPhases());
        java.util.Collections.reverse(nearestFirst);
        return nearestFirst;
    }

    /** A helper on the relationship, by name, marked if they lead. */
    public record HelperName(String name, boolean lead) {
    }
}

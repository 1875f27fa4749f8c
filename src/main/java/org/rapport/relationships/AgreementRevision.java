package org.rapport.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One revision of the working agreement. Revisions are never changed, only followed by newer
 * ones; the client's acceptance is recorded on the revision they accepted.
 */
@Table("agreement_revision")
public record AgreementRevision(int revision, @ReadOnlyProperty String purposeInClientsWords, String frequency,
        int sessionLengthMinutes, String meetingModes, @ReadOnlyProperty String rolesAndResponsibilities,
        @ReadOnlyProperty String confidentiality, LocalDate reviewOn, @ReadOnlyProperty String endingPlan,
        @ReadOnlyProperty @Nullable String changeNote, UUID writtenBy, String writtenByName,
        Instant writtenAt, @Nullable LocalDate acceptedOn, @Nullable AcceptanceMethod acceptedHow,
        @Nullable String acceptanceRecordedByName, @Nullable Instant acceptanceRecordedAt) {

    static AgreementRevision written(int revision, AgreementTerms terms, @Nullable String changeNote, Actor by,
            Instant at) {
        String modes = terms.modesInOrder().stream().map(MeetingMode::name).collect(Collectors.joining(","));
        return new AgreementRevision(revision, terms.purposeInClientsWords(), terms.frequency(),
                terms.sessionLengthMinutes(), modes, terms.rolesAndResponsibilities(), terms.confidentiality(),
                terms.reviewOn(), terms.endingPlan(), changeNote, by.accountId(), by.name(), at, null, null, null, null);
    }

    /** The revision with its texts as sealed: purpose, roles, confidentiality, ending plan, change note. */
    AgreementRevision withTexts(String purpose, String roles, String confidentialityText, String ending,
            @Nullable String note) {
        return new AgreementRevision(revision, purpose, frequency, sessionLengthMinutes, meetingModes, roles,
                confidentialityText, reviewOn, ending, note, writtenBy, writtenByName, writtenAt, acceptedOn, acceptedHow,
                acceptanceRecordedByName, acceptanceRecordedAt);
    }

    AgreementRevision acceptedBy(LocalDate on, AcceptanceMethod how, Actor recordedBy, Instant at) {
        return new AgreementRevision(revision, purposeInClientsWords, frequency, sessionLengthMinutes, meetingModes,
                rolesAndResponsibilities, confidentiality, reviewOn, endingPlan, changeNote, writtenBy, writtenByName,
                writtenAt, on, how, recordedBy.name(), at);
    }

    public AgreementTerms terms() {
        Set<MeetingMode> modes = EnumSet.noneOf(MeetingMode.class);
        Arrays.stream(meetingModes.split(",")).filter(s -> !s.isBlank()).map(MeetingMode::valueOf).forEach(modes::add);
        return new AgreementTerms(purposeInClientsWords, frequency, sessionLengthMinutes, modes,
                rolesAndResponsibilities, confidentiality, reviewOn, endingPlan);
    }

    public boolean isAccepted() {
        return acceptedOn != null;
    }
}

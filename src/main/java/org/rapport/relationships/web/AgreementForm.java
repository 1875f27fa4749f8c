package org.rapport.relationships.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.AgreementTerms;
import org.rapport.relationships.MeetingMode;

/** The working agreement editor: every term, the version it was edited from, and what changed. */
record AgreementForm(
        int version,
        @NotBlank(message = "Write the purpose in the client’s own words.") @Size(max = 2000, message = "At most 2000 characters.") @Nullable String purpose,
        @NotBlank(message = "Say how often you will meet.") @Size(max = 200, message = "At most 200 characters.") @Nullable String frequency,
        @NotNull(message = "Give the length of a meeting in minutes.") @Min(value = 5, message = "At least 5 minutes.") @Max(value = 480, message = "At most 480 minutes.") @Nullable Integer sessionLengthMinutes,
        @NotEmpty(message = "Choose at least one way of meeting.") @Nullable List<MeetingMode> meetingModes,
        @NotBlank(message = "Write down the roles and responsibilities.") @Size(max = 4000, message = "At most 4000 characters.") @Nullable String roles,
        @NotBlank(message = "Write down what stays confidential and where that ends.") @Size(max = 4000, message = "At most 4000 characters.") @Nullable String confidentiality,
        @NotNull(message = "Choose a review date.") @Nullable LocalDate reviewOn,
        @NotBlank(message = "Say how the relationship will end.") @Size(max = 2000, message = "At most 2000 characters.") @Nullable String endingPlan,
        @Size(max = 1000, message = "At most 1000 characters.") @Nullable String changeNote) {

    static AgreementForm blank(int version, LocalDate reviewOn) {
        return new AgreementForm(version, null, "Weekly", 50, List.of(MeetingMode.IN_PERSON), null,
                "What you tell me stays between us and my supervisor, unless I believe you or someone else is at "
                        + "serious risk of harm, or the law requires me to share it. I would talk with you first "
                        + "wherever I can.",
                reviewOn, null, null);
    }

    static AgreementForm from(AgreementTerms terms, int version) {
        return new AgreementForm(version, terms.purposeInClientsWords(), terms.frequency(),
                terms.sessionLengthMinutes(), terms.modesInOrder(), terms.rolesAndResponsibilities(),
                terms.confidentiality(), terms.reviewOn(), terms.endingPlan(), null);
    }

    AgreementTerms terms() {
        return new AgreementTerms(purpose, frequency, sessionLengthMinutes == null ? 0 : sessionLengthMinutes,
                RelationshipPages.modes(meetingModes), roles, confidentiality, reviewOn, endingPlan);
    }
}

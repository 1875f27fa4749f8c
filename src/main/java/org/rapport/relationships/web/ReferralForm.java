package org.rapport.relationships.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.ClientPartyKind;
import org.rapport.relationships.Urgency;

/**
 * The referral form. Members of a couple, family or group are typed one per line; a person's
 * name is enough for a person. A client already known by the name typed is referred as who they
 * are ({@code existingClientPartyId}), or confirmed as someone new ({@code newClient}).
 */
record ReferralForm(
        @Nullable UUID submissionId,
        @NotNull(message = "Choose who the client party is: a person, a couple, a family or a group.") @Nullable ClientPartyKind clientKind,
        @NotBlank(message = "Give the client party a name.") @Size(max = 120, message = "At most 120 characters.") @Nullable String clientName,
        @Size(max = 2000, message = "At most 2000 characters.") @Nullable String members,
        @NotBlank(message = "Say who made the referral.") @Size(max = 200, message = "At most 200 characters.") @Nullable String referralSource,
        @NotBlank(message = "Give the reason in the referrer’s words.") @Size(max = 4000, message = "At most 4000 characters.") @Nullable String referralReason,
        @NotNull(message = "Give the date of the referral.") @PastOrPresent(message = "The referral date cannot be in the future.") @Nullable LocalDate referredOn,
        @NotNull(message = "Choose an urgency.") @Nullable Urgency urgency,
        @NotNull(message = "Choose the helper who leads the work.") @Nullable UUID leadHelperId,
        @Nullable UUID teamId,
        @Nullable List<UUID> otherHelperIds,
        @NotBlank(message = "Choose the process model the work will follow.") @Nullable String processModelKey,
        @Nullable UUID existingClientPartyId,
        @Nullable Boolean newClient) {

    static ReferralForm blank(@Nullable UUID lead, LocalDate today, String processModelKey) {
        return new ReferralForm(UUID.randomUUID(), ClientPartyKind.PERSON, null, null, null, null, today,
                Urgency.ROUTINE, lead, null, List.of(), processModelKey, null, null);
    }

    boolean confirmedAsNew() {
        return Boolean.TRUE.equals(newClient);
    }

    List<String> memberNames() {
        if (members == null || members.isBlank()) {
            return clientKind == ClientPartyKind.PERSON && clientName != null ? List.of(clientName.strip()) : List.of();
        }
        return Arrays.stream(members.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

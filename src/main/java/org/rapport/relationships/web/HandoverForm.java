package org.rapport.relationships.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.relationships.HandoverReason;

/** The handover form: the new lead helper, why, the note for them, and the version the page was loaded at. */
record HandoverForm(
        int version,
        @NotNull(message = "Choose the helper who takes the relationship over.") @Nullable UUID newLeadHelperId,
        @NotNull(message = "Choose why the relationship is handed over.") @Nullable HandoverReason reason,
        @NotBlank(message = "Write the handover note for the new helper.") @Size(max = 4000, message = "The handover note can be at most 4000 characters.") @Nullable String note) {

    static HandoverForm blank(int version) {
        return new HandoverForm(version, null, null, null);
    }
}

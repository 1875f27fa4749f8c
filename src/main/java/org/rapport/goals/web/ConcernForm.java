package org.rapport.goals.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.rapport.goals.NewConcern;

/** The concern form: the concern in the client's words and the day it was identified. */
record ConcernForm(
        @NotBlank(message = "Describe the concern, in the client's words.")
        @Size(max = 2000, message = "The concern can be at most 2000 characters.") @Nullable String description,
        @NotNull(message = "Give the day the concern was identified.") @Nullable LocalDate identifiedOn) {

    static ConcernForm blank(LocalDate today) {
        return new ConcernForm("", today);
    }

    NewConcern concern() {
        return new NewConcern(description, identifiedOn);
    }
}

package org.rapport.people.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.rapport.people.Discipline;
import org.rapport.people.PeopleManagement;
import org.rapport.people.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own profile through the HTTP API. */
@RestController
@Tag(name = "Your profile", description = "Your name, pronouns, discipline and professional registration")
class ProfileApi {

    private final PeopleManagement people;

    ProfileApi(PeopleManagement people) {
        this.people = people;
    }

    /** A profile as the API shows and takes it; {@code discipline} is null for staff who are not helpers. */
    record ProfileBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name, @Nullable String pronouns,
            @Nullable Discipline discipline, @Nullable String registrationBody, @Nullable String registrationNumber) {
        static ProfileBody of(Profile profile) {
            return new ProfileBody(profile.name(), profile.pronouns(), profile.discipline(), profile.registrationBody(),
                    profile.registrationNumber());
        }
    }

    @GetMapping(path = "/api/account/profile", produces = "application/json")
    @Operation(summary = "Your profile")
    ProfileBody mine() {
        return ProfileBody.of(people.myProfile());
    }

    @PutMapping(path = "/api/account/profile", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Change your profile; the whole of it, as GET gives it (staff who are not helpers change only their name)")
    ProfileBody change(@RequestBody ProfileBody body) {
        return ProfileBody.of(people.changeMyProfile(new Profile(body.name() == null ? "" : body.name(), body.pronouns(),
                body.discipline(), body.registrationBody(), body.registrationNumber())));
    }
}

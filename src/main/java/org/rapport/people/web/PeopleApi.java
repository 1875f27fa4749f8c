package org.rapport.people.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.Role;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.ClientPartySummary;
import org.rapport.people.Discipline;
import org.rapport.people.Helper;
import org.rapport.people.HelperId;
import org.rapport.people.HelperInvitation;
import org.rapport.people.NewHelper;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.people.SupervisionLink;
import org.rapport.people.Team;
import org.rapport.people.TeamId;
import org.rapport.platform.PublicAddress;
import org.rapport.shared.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Helpers, teams, supervision links and the list of client parties, as JSON. Staff may read; admins may change. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "People", description = "Helpers, teams, supervision and client parties of your organisation")
class PeopleApi {

    private final PeopleDirectory directory;
    private final PeopleManagement people;
    private final PublicAddress address;

    PeopleApi(PeopleDirectory directory, PeopleManagement people, PublicAddress address) {
        this.directory = directory;
        this.people = people;
        this.address = address;
    }

    record HelperView(UUID id, String name, @Nullable String pronouns, Discipline discipline, String disciplineLabel,
            @Nullable String username, boolean active) {
        static HelperView of(Helper helper) {
            return new HelperView(helper.id().value(), helper.name(), helper.pronouns(), helper.discipline(),
                    helper.discipline().label(), helper.username(), helper.active());
        }
    }

    record AddHelperRequest(
            @NotBlank(message = "Give the helper's name.") @Size(max = 120, message = "A name has at most 120 characters.") @Nullable String name,
            @NotNull(message = "Choose the helper's discipline.") @Nullable Discipline discipline,
            @Size(min = 3, max = 120, message = "A sign-in name has 3 to 120 characters.") @Nullable String username,
            @Size(max = 200, message = "A password has at most 200 characters.") @Nullable String password,
            @Nullable Set<@NotNull(message = "Leave out empty roles.") Role> roles) {

        @Override
        public String toString() {
            return "AddHelperRequest[" + name + ", " + username + "]";
        }
    }

    record InviteHelperRequest(
            @NotBlank(message = "Give the helper's name.") @Size(max = 120, message = "A name has at most 120 characters.") @Nullable String name,
            @NotNull(message = "Choose the helper's discipline.") @Nullable Discipline discipline,
            @NotBlank(message = "Give the email address the invitation goes to.") @Size(max = 120, message = "An email address here has at most 120 characters.") @Nullable String email,
            @Nullable Set<@NotNull(message = "Leave out empty roles.") Role> roles) {

        @Override
        public String toString() {
            return "InviteHelperRequest[" + name + "]";
        }
    }

    record TeamView(UUID id, String name, List<TeamMemberView> members) {
    }

    record TeamMemberView(UUID helperId, String name) {
    }

    record FormTeamRequest(
            @NotBlank(message = "Give the team a name.") @Size(max = 120, message = "A team name has at most 120 characters.") @Nullable String name,
            @Nullable List<@NotNull(message = "Leave out empty member ids.") UUID> members) {
    }

    record JoinTeamRequest(@NotNull(message = "Give the id of the helper who joins.") @Nullable UUID helperId) {
    }

    record SupervisionView(UUID supervisorId, String supervisorName, UUID superviseeId, String superviseeName) {
    }

    record SupervisionRequest(
            @NotNull(message = "Give the supervisor's helper id.") @Nullable UUID supervisorId,
            @NotNull(message = "Give the supervisee's helper id.") @Nullable UUID superviseeId) {
    }

    record ClientPartyView(UUID id, ClientPartyKind kind, String kindLabel, String name, int currentMembers) {
        static ClientPartyView of(ClientPartySummary summary) {
            return new ClientPartyView(summary.id().value(), summary.kind(), summary.kind().label(), summary.name(),
                    summary.currentMembers());
        }
    }

    @GetMapping("/helpers")
    @Operation(summary = "List the organisation's helpers, by name")
    List<HelperView> helpers() {
        Staff.mayLook();
        return directory.helpers().stream().map(HelperView::of).toList();
    }

    @GetMapping("/helpers/{id}")
    @Operation(summary = "Show one helper")
    HelperView helper(@PathVariable UUID id) {
        Staff.mayLook();
        return directory.helper(new HelperId(id)).map(HelperView::of).orElseThrow(() -> new RecordNotFound("helper"));
    }

    @PostMapping(path = "/helpers", consumes = "application/json")
    @Operation(summary = "Add a helper, with a sign-in account when a username is given (admins only)")
    ResponseEntity<HelperView> addHelper(@Valid @RequestBody AddHelperRequest request) {
        Staff.mayChange();
        HelperId id = people.addHelper(new NewHelper(request.name(), request.discipline(), request.username(),
                request.password(), request.roles() == null ? Set.of() : request.roles()));
        HelperView created = directory.helper(id).map(HelperView::of).orElseThrow();
        return ResponseEntity.created(URI.create("/api/helpers/" + id.value())).body(created);
    }

    @PostMapping(path = "/invitations", consumes = "application/json")
    @Operation(summary = "Add a helper and invite them by email to choose their password; their sign-in name is the"
            + " address, the link works for 72 hours (admins only)")
    ResponseEntity<HelperView> inviteHelper(@Valid @RequestBody InviteHelperRequest request, HttpServletRequest http) {
        Staff.mayChange();
        HelperId id = people.inviteHelper(new HelperInvitation(request.name(), request.discipline(), request.email(),
                request.roles() == null ? Set.of() : request.roles()), address.of(http));
        HelperView created = directory.helper(id).map(HelperView::of).orElseThrow();
        return ResponseEntity.created(URI.create("/api/helpers/" + id.value())).body(created);
    }

    @GetMapping("/teams")
    @Operation(summary = "List the organisation's teams with their members")
    List<TeamView> teams() {
        Staff.mayLook();
        List<Team> teams = directory.teams();
        Map<HelperId, String> names = directory.helperNames(
                teams.stream().flatMap(team -> team.members().stream()).toList());
        return teams.stream().map(team -> view(team, names)).toList();
    }

    @PostMapping(path = "/teams", consumes = "application/json")
    @Operation(summary = "Form a team (admins only)")
    ResponseEntity<TeamView> formTeam(@Valid @RequestBody FormTeamRequest request) {
        Staff.mayChange();
        List<HelperId> members = request.members() == null ? List.of()
                : request.members().stream().map(HelperId::new).toList();
        TeamId id = people.formTeam(request.name(), members);
        return ResponseEntity.created(URI.create("/api/teams/" + id.value())).body(team(id));
    }

    @PostMapping(path = "/teams/{id}/members", consumes = "application/json")
    @Operation(summary = "Add a helper to a team (admins only)")
    TeamView joinTeam(@PathVariable UUID id, @Valid @RequestBody JoinTeamRequest request) {
        Staff.mayChange();
        people.joinTeam(new TeamId(id), new HelperId(request.helperId()));
        return team(new TeamId(id));
    }

    @DeleteMapping("/teams/{id}/members/{helperId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a helper from a team (admins only)")
    void leaveTeam(@PathVariable UUID id, @PathVariable UUID helperId) {
        Staff.mayChange();
        people.leaveTeam(new TeamId(id), new HelperId(helperId));
    }

    @GetMapping("/supervision")
    @Operation(summary = "List who supervises whom")
    List<SupervisionView> supervision() {
        Staff.mayLook();
        List<SupervisionLink> links = directory.supervisionLinks();
        Map<HelperId, String> names = directory.helperNames(
                links.stream().flatMap(link -> List.of(link.supervisor(), link.supervisee()).stream()).toList());
        return links.stream().map(link -> view(link, names)).toList();
    }

    @PostMapping(path = "/supervision", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link a supervisor to a supervisee (admins only)")
    SupervisionView link(@Valid @RequestBody SupervisionRequest request) {
        Staff.mayChange();
        SupervisionLink link = new SupervisionLink(new HelperId(request.supervisorId()),
                new HelperId(request.superviseeId()));
        people.linkSupervisor(link.supervisor(), link.supervisee());
        return view(link, directory.helperNames(List.of(link.supervisor(), link.supervisee())));
    }

    @DeleteMapping("/supervision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink a supervisor from a supervisee (admins only)")
    void unlink(@RequestParam UUID supervisorId, @RequestParam UUID superviseeId) {
        Staff.mayChange();
        people.unlinkSupervisor(new HelperId(supervisorId), new HelperId(superviseeId));
    }

    @GetMapping("/client-parties")
    @Operation(summary = "List client parties with their number of current members (admins only)")
    List<ClientPartyView> clientParties() {
        Staff.mayChange();
        return directory.clientParties().stream().map(ClientPartyView::of).toList();
    }

    private TeamView team(TeamId id) {
        Team team = directory.team(id).orElseThrow(() -> new RecordNotFound("team"));
        return view(team, directory.helperNames(team.members()));
    }

    private static TeamView view(Team team, Map<HelperId, String> names) {
        return new TeamView(team.id().value(), team.name(), team.members().stream()
                .map(member -> new TeamMemberView(member.value(), names.getOrDefault(member, ""))).toList());
    }

    private static SupervisionView view(SupervisionLink link, Map<HelperId, String> names) {
        return new SupervisionView(link.supervisor().value(), names.getOrDefault(link.supervisor(), ""),
                link.supervisee().value(), names.getOrDefault(link.supervisee(), ""));
    }
}

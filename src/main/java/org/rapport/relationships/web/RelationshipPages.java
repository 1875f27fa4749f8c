package org.rapport.relationships.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.people.ClientPartyId;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.HelperId;
import org.rapport.people.MemberId;
import org.rapport.people.NewClientMember;
import org.rapport.people.NewClientParty;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.TeamId;
import org.rapport.platform.FormErrors;
import org.rapport.relationships.AcceptanceMethod;
import org.rapport.relationships.AgreementRevision;
import org.rapport.relationships.HandoverReason;
import org.rapport.relationships.KnownClient;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.relationships.CaseloadSection;
import org.rapport.relationships.RelationshipPanel;
import org.rapport.relationships.RelationshipStatus;
import org.rapport.relationships.Urgency;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The helper's pages: caseload, referral, the relationship page and the changes made from it. */
@Controller
class RelationshipPages {

    private final RelationshipManagement relationships;
    private final PeopleDirectory people;
    private final Clock clock;
    private final ObjectProvider<RelationshipPanel> panels;
    private final ObjectProvider<CaseloadSection> caseloadSections;

    /** Panels ordered below this stand above the phase card. */
    static final int TOP_OF_PAGE = 10;

    RelationshipPages(RelationshipManagement relationships, PeopleDirectory people, Clock clock,
            ObjectProvider<RelationshipPanel> panels, ObjectProvider<CaseloadSection> caseloadSections) {
        this.relationships = relationships;
        this.caseloadSections = caseloadSections;
        this.people = people;
        this.clock = clock;
        this.panels = panels;
    }


    @GetMapping("/")
    String home() {
        return "redirect:/caseload";
    }

    @GetMapping("/caseload")
    String caseload(@RequestParam(name = "ended", defaultValue = "false") boolean includeEnded, Model model) {
        model.addAttribute("entries", relationships.caseload(includeEnded));
        model.addAttribute("former", relationships.formerClientsNeedingAttention());
        model.addAttribute("includeEnded", includeEnded);
        model.addAttribute("sections", caseloadSections.orderedStream()
                .sorted(java.util.Comparator.comparingInt(CaseloadSection::order))
                .map(section -> new PanelView(section.template(), section.data()))
                .filter(view -> !view.data().isEmpty()).toList());
        return "relationships/caseload";
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String text, Model model) {
        String shown = text.length() > RelationshipManagement.LONGEST_SEARCH
                ? text.substring(0, RelationshipManagement.LONGEST_SEARCH) : text;
        model.addAttribute("q", shown.strip());
        model.addAttribute("found", relationships.search(text));
        return "relationships/search";
    }

    @GetMapping("/waitlist")
    String waitlist(Model model) {
        model.addAttribute("waiting", relationships.waitlist());
        return "relationships/waitlist";
    }

    @GetMapping("/referrals/new")
    String newReferral(Model model) {
        UUID me = CurrentUser.require().helperId();
        return referralForm(model, ReferralForm.blank(me, LocalDate.now(clock), relationships.defaultModelKey()), List.of());
    }

    @PostMapping("/referrals")
    String takeReferral(@Valid @ModelAttribute("form") ReferralForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            String page = referralForm(model, form, List.of());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", FormErrors.of(form, "form", binding, Map.of(
                    "clientKind", "Choose who the client party is from the list.",
                    "referredOn", "Give the date of the referral as a date.",
                    "urgency", "Choose an urgency from the list.",
                    "leadHelperId", "Choose the helper who leads the work from the list.",
                    "teamId", "Choose a team from the list.",
                    "otherHelperIds", "Choose the other helpers from the list.")));
            return page;
        }
        try {
            LocalDate referredOn = form.referredOn();
            // A name already known is named before anyone is registered twice; nothing is saved until the helper chooses.
            if (form.existingClientPartyId() == null && !form.confirmedAsNew()) {
                List<KnownClient> known = relationships.knownClientsNamed(form.clientName(), form.submissionId());
                if (!known.isEmpty()) {
                    String page = referralForm(model, form, List.of());
                    model.addAttribute("known", known);
                    return page;
                }
            }
            List<NewClientMember> members = form.memberNames().stream()
                    .map(name -> new NewClientMember(name, referredOn)).toList();
            RelationshipId id = relationships.refer(new NewReferral(
                    form.existingClientPartyId() != null ? null : new NewClientParty(form.clientKind(), form.clientName(), members),
                    form.existingClientPartyId() == null ? null : new ClientPartyId(form.existingClientPartyId()),
                    new Referral(form.referralSource(), form.referralReason(), referredOn, form.urgency()),
                    new HelperId(form.leadHelperId()), form.teamId() == null ? null : new TeamId(form.teamId()),
                    form.otherHelperIds() == null ? List.of()
                            : form.otherHelperIds().stream().map(HelperId::new).toList(),
                    form.processModelKey(), form.submissionId()));
            redirect.addFlashAttribute("flash", "Referral taken. The relationship is open with the status ‘Referred’.");
            return "redirect:/relationships/" + id;
        } catch (RuleBroken e) {
            return referralForm(model, form, List.of(e.getMessage()));
        }
    }

    @GetMapping("/relationships/{id}")
    String show(@PathVariable UUID id, Model model) {
        RelationshipOverview overview = relationships.overview(new RelationshipId(id));
        model.addAttribute("r", overview);
        RelationshipInfo info = relationships.describe(overview.id());
        List<RelationshipPanel> ordered = panels.orderedStream()
                .sorted(java.util.Comparator.comparingInt(RelationshipPanel::order)).toList();
        // What needs attention (alerts, the relationship's health) comes before the phase; the rest after it.
        model.addAttribute("topPanels", ordered.stream().filter(p -> p.order() < TOP_OF_PAGE)
                .map(panel -> new PanelView(panel.template(), panel.data(info))).toList());
        model.addAttribute("panels", ordered.stream().filter(p -> p.order() >= TOP_OF_PAGE)
                .map(panel -> new PanelView(panel.template(), panel.data(info))).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("acceptanceMethods", AcceptanceMethod.values());
        return "relationships/relationship";
    }

    @PostMapping("/relationships/{id}/status")
    String changeStatus(@PathVariable UUID id, @RequestParam(name = "to", required = false) @Nullable RelationshipStatus to,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "version", defaultValue = "-1") int version, RedirectAttributes redirect) {
        return attempt(id, redirect, "Status changed.", () -> relationships.changeStatus(new RelationshipId(id), version,
                to, reason));
    }

    @GetMapping("/relationships/{id}/phase")
    String phasePage(@PathVariable UUID id, Model model) {
        model.addAttribute("r", relationships.overview(new RelationshipId(id)));
        return "relationships/phase";
    }

    @PostMapping("/relationships/{id}/phase")
    String movePhase(@PathVariable UUID id, @RequestParam(name = "phase", defaultValue = "") String phase,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "version", defaultValue = "-1") int version, RedirectAttributes redirect) {
        return attempt(id, redirect, "Phase changed.", () -> relationships.moveToPhase(new RelationshipId(id), version,
                phase, reason));
    }

    @PostMapping("/relationships/{id}/tasks")
    String tickTask(@PathVariable UUID id, @RequestParam(name = "phase", defaultValue = "") String phase,
            @RequestParam(name = "task", defaultValue = "-1") int task,
            @RequestParam(name = "doneOn", required = false) @Nullable LocalDate doneOn, RedirectAttributes redirect) {
        LocalDate day = doneOn == null ? LocalDate.now(clock) : doneOn;
        return attempt(id, redirect, "Task ticked off.", () -> relationships.tickTask(new RelationshipId(id), phase,
                task, day));
    }

    @GetMapping("/relationships/{id}/agreement/edit")
    String editAgreement(@PathVariable UUID id, Model model) {
        RelationshipOverview overview = relationships.overview(new RelationshipId(id));
        AgreementForm form = overview.currentAgreement().map(AgreementRevision::terms)
                .map(t -> AgreementForm.from(t, overview.version()))
                .orElseGet(() -> AgreementForm.blank(overview.version(), LocalDate.now(clock).plusWeeks(6)));
        return agreementForm(model, overview, form, List.of());
    }

    @PostMapping("/relationships/{id}/agreement")
    String reviseAgreement(@PathVariable UUID id, @Valid @ModelAttribute("form") AgreementForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        RelationshipId relationship = new RelationshipId(id);
        if (binding.hasErrors()) {
            String page = agreementForm(model, relationships.overview(relationship), form, List.of());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", FormErrors.of(form, "form", binding, Map.of(
                    "sessionLengthMinutes", "Give the length of a meeting as a number of minutes.",
                    "reviewOn", "Give the review date as a date.",
                    "meetingModes", "Choose the ways of meeting from the list.",
                    "version", "Reload the page, then make your change again.")));
            return page;
        }
        try {
            int revision = relationships.reviseAgreement(relationship, form.version(), form.terms(), form.changeNote());
            redirect.addFlashAttribute("flash", "Working agreement revision " + revision
                    + " saved. Record the client's acceptance when they have agreed to it.");
            return "redirect:/relationships/" + id + "#agreement";
        } catch (RuleBroken e) {
            return agreementForm(model, relationships.overview(relationship), form, List.of(e.getMessage()));
        }
    }

    @PostMapping("/relationships/{id}/agreement/{revision}/acceptance")
    String acceptAgreement(@PathVariable UUID id, @PathVariable int revision,
            @RequestParam(name = "acceptedOn", required = false) @Nullable LocalDate acceptedOn,
            @RequestParam(name = "how", required = false) @Nullable AcceptanceMethod how, RedirectAttributes redirect) {
        return attempt(id, redirect, "The client's acceptance is recorded.",
                () -> relationships.acceptAgreement(new RelationshipId(id), revision, acceptedOn, how));
    }

    @GetMapping("/relationships/{id}/handover")
    String handoverPage(@PathVariable UUID id, Model model) {
        relationships.describeForChange(new RelationshipId(id));
        RelationshipOverview overview = relationships.overview(new RelationshipId(id));
        return handoverForm(model, overview, HandoverForm.blank(overview.version()), List.of());
    }

    @PostMapping("/relationships/{id}/handovers")
    String handOver(@PathVariable UUID id, @Valid @ModelAttribute("form") HandoverForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        RelationshipId relationship = new RelationshipId(id);
        if (binding.hasErrors()) {
            String page = handoverForm(model, relationships.overview(relationship), form, List.of());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", FormErrors.of(form, "form", binding, Map.of(
                    "newLeadHelperId", "Choose the new helper from the list.",
                    "reason", "Choose a reason from the list.",
                    "version", "Reload the page, then make your change again.")));
            return page;
        }
        try {
            relationships.handOver(relationship, form.version(), new HelperId(form.newLeadHelperId()), form.reason(),
                    form.note());
        } catch (RuleBroken e) {
            return handoverForm(model, relationships.overview(relationship), form, List.of(e.getMessage()));
        }
        String to = people.helper(new HelperId(form.newLeadHelperId())).map(h -> h.name()).orElse("the new helper");
        try {
            relationships.describe(relationship);
        } catch (RecordNotFound e) {
            redirect.addFlashAttribute("flash", "Handed over to " + to + ". The relationship has left your caseload.");
            return "redirect:/caseload";
        }
        redirect.addFlashAttribute("flash", "Handed over to " + to + ". They confirm taking the work on when they "
                + "next open the relationship; record the client's acceptance of the agreement when they have agreed.");
        return "redirect:/relationships/" + id + "#handover";
    }

    @PostMapping("/relationships/{id}/handovers/{number}/confirmation")
    String confirmHandover(@PathVariable UUID id, @PathVariable int number, RedirectAttributes redirect) {
        return attempt(id, redirect, "You have confirmed taking the work on.",
                () -> relationships.confirmHandover(new RelationshipId(id), number));
    }

    @PostMapping("/relationships/{id}/members")
    String addMember(@PathVariable UUID id, @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "joinedOn", required = false) @Nullable LocalDate joinedOn, RedirectAttributes redirect) {
        LocalDate day = joinedOn == null ? LocalDate.now(clock) : joinedOn;
        return attempt(id, redirect, "Member added.",
                () -> relationships.addClientMember(new RelationshipId(id), new NewClientMember(name, day)));
    }

    @PostMapping("/relationships/{id}/members/{member}/left")
    String memberLeft(@PathVariable UUID id, @PathVariable UUID member,
            @RequestParam(name = "leftOn", required = false) @Nullable LocalDate leftOn, RedirectAttributes redirect) {
        LocalDate day = leftOn == null ? LocalDate.now(clock) : leftOn;
        return attempt(id, redirect, "Recorded that the member left.",
                () -> relationships.recordClientMemberLeft(new RelationshipId(id), new MemberId(member), day));
    }

    /** Runs a change made from the relationship page; a refusal comes back to the page as a message. */
    private String attempt(UUID id, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", done);
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("flashError", "That could not be done: " + e.getMessage());
        }
        return "redirect:/relationships/" + id;
    }

    private String referralForm(Model model, ReferralForm form, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", ClientPartyKind.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("helpers", people.helpers().stream().filter(h -> h.active()).toList());
        model.addAttribute("teams", people.teams());
        model.addAttribute("models", relationships.availableModels());
        model.addAttribute("known", List.of());
        return "relationships/referral-form";
    }

    private String handoverForm(Model model, RelationshipOverview overview, HandoverForm form, List<String> problems) {
        UUID lead = relationships.describe(overview.id()).leadHelperId();
        model.addAttribute("r", overview);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("reasons", HandoverReason.values());
        model.addAttribute("helpers", people.helpers().stream()
                .filter(h -> h.active() && h.username() != null && !h.id().value().equals(lead)).toList());
        return "relationships/handover-form";
    }

    private String agreementForm(Model model, RelationshipOverview overview, AgreementForm form, List<String> problems) {
        model.addAttribute("r", overview);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("modes", MeetingMode.values());
        return "relationships/agreement-form";
    }

    static Set<MeetingMode> modes(@Nullable List<MeetingMode> chosen) {
        return chosen == null || chosen.isEmpty() ? Set.of() : EnumSet.copyOf(new ArrayList<>(chosen));
    }
}

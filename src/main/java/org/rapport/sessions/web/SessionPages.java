package org.rapport.sessions.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.people.ClientPartyId;
import org.rapport.people.PeopleDirectory;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.sessions.CalendarLink;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.MemberAttendance;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionOutcome;
import org.rapport.sessions.SessionPanel;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The session pages: schedule a session, the session's page with its record form, the upcoming sessions. */
@Controller
class SessionPages {

    private static final List<SessionOutcome> RECORDABLE = List.of(SessionOutcome.ATTENDED,
            SessionOutcome.CANCELLED_BY_CLIENT, SessionOutcome.CANCELLED_BY_HELPER, SessionOutcome.DID_NOT_ATTEND);

    private final SessionManagement sessions;
    private final RelationshipManagement relationships;
    private final PeopleDirectory people;
    private final ObjectProvider<SessionPanel> panels;
    private final Clock clock;

    SessionPages(SessionManagement sessions, RelationshipManagement relationships, PeopleDirectory people,
            ObjectProvider<SessionPanel> panels, Clock clock) {
        this.sessions = sessions;
        this.relationships = relationships;
        this.people = people;
        this.panels = panels;
        this.clock = clock;
    }

    @GetMapping("/relationships/{id}/sessions/new")
    String newSession(@PathVariable UUID id, Model model) {
        return scheduleForm(model, relationships.describeForChange(new RelationshipId(id)),
                ScheduleForm.blank(LocalDate.now(clock).plusDays(7)), List.of());
    }

    @PostMapping("/relationships/{id}/sessions")
    String schedule(@PathVariable UUID id, @Valid @ModelAttribute("form") ScheduleForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        RelationshipId relationship = new RelationshipId(id);
        if (binding.hasErrors()) {
            String page = scheduleForm(model, relationships.describeForChange(relationship), form, List.of());
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors(form, binding, Map.of(
                    "on", "Give the day as a real date, such as 2026-03-02.",
                    "at", "Give the time as hours and minutes, such as 10:30.",
                    "lengthMinutes", "Give the length as a whole number of minutes.",
                    "mode", "Choose how you meet from the list.")));
            return page;
        }
        try {
            SessionId session = sessions.schedule(relationship, form.session());
            redirect.addFlashAttribute("flash", "Session scheduled.");
            return "redirect:/sessions/" + session;
        } catch (RuleBroken e) {
            return scheduleForm(model, relationships.describeForChange(relationship), form, List.of(e.getMessage()));
        }
    }

    @GetMapping("/sessions/{sid}")
    String show(@PathVariable UUID sid, Model model) {
        SessionInfo session = sessions.session(new SessionId(sid));
        return sessionPage(model, session, List.of(), null, null, null);
    }

    @PostMapping("/sessions/{sid}/record")
    String record(@PathVariable UUID sid, @RequestParam(name = "outcome", required = false) @Nullable String outcome,
            @RequestParam(name = "members", required = false) @Nullable List<String> members,
            @RequestParam(name = "present", required = false) @Nullable List<String> present,
            @RequestParam(name = "skills", required = false) @Nullable List<String> skills,
            @RequestParam(name = "version", defaultValue = "-1") int version, Model model, RedirectAttributes redirect) {
        SessionId id = new SessionId(sid);
        SessionOutcome chosen = null;
        Set<HelpingSkill> chosenSkills = EnumSet.noneOf(HelpingSkill.class);
        Set<UUID> presentIds = new HashSet<>();
        try {
            chosen = outcome(outcome);
            for (String skill : skills == null ? List.<String>of() : skills) chosenSkills.add(skill(skill));
            for (String member : present == null ? List.<String>of() : present) presentIds.add(memberId(member));
            Map<UUID, Boolean> attendance = new LinkedHashMap<>();
            if (chosen.isHeld()) {
                for (String member : members == null ? List.<String>of() : members) {
                    UUID memberId = memberId(member);
                    attendance.put(memberId, presentIds.contains(memberId));
                }
                for (UUID p : presentIds) attendance.putIfAbsent(p, true);
            }
            sessions.record(id, version, new SessionRecord(chosen, attendance, chosenSkills));
            redirect.addFlashAttribute("flash", "Session recorded: " + chosen.label().toLowerCase() + ".");
            return "redirect:/sessions/" + sid;
        } catch (RuleBroken e) {
            SessionInfo session = sessions.session(id);
            return sessionPage(model, session, List.of(e.getMessage()), chosen, chosenSkills,
                    members == null ? null : presentIds);
        }
    }

    @GetMapping("/sessions/upcoming")
    String upcoming(Model model) {
        model.addAttribute("sessions", sessions.upcoming());
        model.addAttribute("feedOpenedAt", sessions.calendarFeedOpenedAt().orElse(null));
        model.addAttribute("mayHaveFeed", org.rapport.accounts.CurrentUser.require().helperId() != null);
        if (!model.containsAttribute("feedLink")) model.addAttribute("feedLink", null);
        return "sessions/upcoming";
    }

    @PostMapping("/calendar-feed")
    String openFeed(RedirectAttributes redirect) {
        CalendarLink link = sessions.openCalendarFeed();
        redirect.addFlashAttribute("feedLink",
                ServletUriComponentsBuilder.fromCurrentContextPath().path(link.path()).toUriString());
        redirect.addFlashAttribute("flash", "Your calendar feed link is ready. Any earlier link no longer works.");
        return "redirect:/sessions/upcoming";
    }

    @PostMapping("/calendar-feed/revoke")
    String revokeFeed(RedirectAttributes redirect) {
        sessions.revokeCalendarFeed();
        redirect.addFlashAttribute("flash", "Your calendar feed link is revoked; calendars get nothing from it now.");
        return "redirect:/sessions/upcoming";
    }

    private String sessionPage(Model model, SessionInfo session, List<String> problems, @Nullable SessionOutcome chosen,
            @Nullable Set<HelpingSkill> chosenSkills, @Nullable Set<UUID> chosenPresent) {
        model.addAttribute("s", session);
        model.addAttribute("problems", problems);
        model.addAttribute("clientName", people.clientPartyNames(List.of(new ClientPartyId(session.clientPartyId())))
                .getOrDefault(new ClientPartyId(session.clientPartyId()), "Client"));
        model.addAttribute("presentNames", session.attendance().stream().filter(MemberAttendance::present)
                .map(MemberAttendance::name).toList());
        model.addAttribute("skillLabels", session.skills().stream().sorted().map(HelpingSkill::label).toList());
        model.addAttribute("outcomes", RECORDABLE);
        model.addAttribute("chosenOutcome", chosen != null ? chosen
                : session.outcome() == SessionOutcome.SCHEDULED ? null : session.outcome());
        model.addAttribute("chosenSkills", chosenSkills != null ? chosenSkills : session.skills());
        List<MemberAttendance> members = session.mayChange() ? sessions.attendanceToMark(session.id()) : List.of();
        if (chosenPresent != null) {
            members = members.stream().map(m -> new MemberAttendance(m.memberId(), m.name(),
                    chosenPresent.contains(m.memberId()))).toList();
        }
        model.addAttribute("members", members);
        model.addAttribute("skillGroups", HelpingSkill.byGroup());
        model.addAttribute("panels", panels.orderedStream().sorted(Comparator.comparingInt(SessionPanel::order))
                .map(panel -> new SessionPanelView(panel.template(), panel.data(session))).toList());
        return "sessions/session";
    }

    private String scheduleForm(Model model, RelationshipInfo relationship, ScheduleForm form, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("relationshipId", relationship.id().value());
        model.addAttribute("clientName", people.clientPartyNames(List.of(new ClientPartyId(relationship.clientPartyId())))
                .getOrDefault(new ClientPartyId(relationship.clientPartyId()), "Client"));
        model.addAttribute("modes", MeetingMode.values());
        return "sessions/new";
    }

    private static SessionOutcome outcome(@Nullable String value) {
        if (value == null || value.isBlank()) throw new RuleBroken("Choose what happened.");
        try {
            return SessionOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleBroken("Choose what happened from the list.");
        }
    }

    private static HelpingSkill skill(String value) {
        try {
            return HelpingSkill.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleBroken("Choose the skills from the list.");
        }
    }

    private static UUID memberId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new RuleBroken("Attendance names someone who is not a member of this client party.");
        }
    }

    /** Binds the form's errors to it again, with a plain message where a value could not be converted. */
    private static BindingResult errors(ScheduleForm form, BindingResult binding, Map<String, String> typeMismatches) {
        BindingResult shown = new BeanPropertyBindingResult(form, "form");
        binding.getGlobalErrors().forEach(shown::addError);
        for (FieldError error : binding.getFieldErrors()) {
            String message = error.isBindingFailure() ? typeMismatches.getOrDefault(error.getField(), "Choose a value from the list.")
                    : error.getDefaultMessage();
            shown.addError(new FieldError("form", error.getField(), error.getRejectedValue(), error.isBindingFailure(),
                    null, null, message));
        }
        return shown;
    }

}

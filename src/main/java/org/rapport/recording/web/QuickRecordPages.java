package org.rapport.recording.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.goals.GoalManagement;
import org.rapport.measures.MeasureManagement;
import org.rapport.measures.SessionMeasures;
import org.rapport.notes.NoteManagement;
import org.rapport.notes.NoteTemplate;
import org.rapport.people.ClientMember;
import org.rapport.people.ClientPartyKind;
import org.rapport.recording.QuickRecord;
import org.rapport.recording.SessionRecording;
import org.rapport.relationships.AgreementRevision;
import org.rapport.relationships.MeetingMode;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.RelationshipOverview;
import org.rapport.sessions.HelpingSkill;
import org.rapport.sessions.SessionOutcome;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one short form, reached from the caseload, that records a whole session. */
@Controller
class QuickRecordPages {

    private final SessionRecording recording;
    private final RelationshipManagement relationships;
    private final GoalManagement goals;
    private final NoteManagement notes;
    private final MeasureManagement measures;
    private final Clock clock;

    QuickRecordPages(SessionRecording recording, RelationshipManagement relationships, GoalManagement goals,
            NoteManagement notes, MeasureManagement measures, Clock clock) {
        this.measures = measures;
        this.recording = recording;
        this.relationships = relationships;
        this.goals = goals;
        this.notes = notes;
        this.clock = clock;
    }

    @GetMapping("/relationships/{id}/record")
    String show(@PathVariable UUID id, @RequestParam(name = "template", defaultValue = "free") String template,
            Model model) {
        RelationshipId relationship = new RelationshipId(id);
        relationships.describeForChange(relationship);
        RelationshipOverview overview = relationships.overview(relationship);
        NoteTemplate chosen = template(template);
        int length = overview.currentAgreement().map(AgreementRevision::sessionLengthMinutes).orElse(50);
        MeetingMode mode = overview.currentAgreement().map(a -> a.terms().modesInOrder().get(0))
                .orElse(MeetingMode.IN_PERSON);
        // A session is recorded after it: it most likely began on the last quarter hour, not this minute.
        LocalTime now = LocalTime.now(clock);
        QuickRecordForm form = QuickRecordForm.blank(LocalDate.now(clock), lastQuarterHour(now),
                length, mode, currentMemberIds(overview), chosen.key(), chosen.sections().size());
        return page(model, overview, form, chosen, List.of());
    }

    @PostMapping("/relationships/{id}/record")
    String record(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        RelationshipId relationship = new RelationshipId(id);
        relationships.describeForChange(relationship);
        RelationshipOverview overview = relationships.overview(relationship);
        NoteTemplate chosen = template(params.getFirst("noteTemplate"));
        QuickRecordForm form = QuickRecordForm.from(params, chosen.sections().size());
        List<String> problems = new ArrayList<>();
        QuickRecord record = form.read(currentMemberIds(overview).stream().map(UUID::toString).toList(),
                chosen.sections(), problems);
        if (record == null) return page(model, overview, form, chosen, problems);
        try {
            var recorded = recording.record(relationship, record);
            redirect.addFlashAttribute("flash", "Session recorded"
                    + (record.ratings().isEmpty() ? "" : " with " + record.ratings().size() + " goal rating"
                            + (record.ratings().size() == 1 ? "" : "s"))
                    + (recorded.note() == null ? "." : record.signNote() ? " and a signed note." : " and a note."));
            return "redirect:/relationships/" + id;
        } catch (RuleBroken | IllegalArgumentException e) {
            return page(model, overview, form, chosen, List.of(e.getMessage()));
        }
    }

    static LocalTime lastQuarterHour(LocalTime now) {
        return LocalTime.of(now.getHour(), now.getMinute() / 15 * 15);
    }

    private String page(Model model, RelationshipOverview overview, QuickRecordForm form, NoteTemplate template,
            List<String> problems) {
        model.addAttribute("r", overview);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("members", overview.clientParty().kind() == ClientPartyKind.PERSON ? List.of()
                : overview.clientParty().currentMembers(LocalDate.now(clock)));
        model.addAttribute("goals", goals.activeGoals(overview.id()));
        model.addAttribute("levels", List.of("2", "1", "0", "-1", "-2"));
        model.addAttribute("outcomes", List.of(SessionOutcome.ATTENDED, SessionOutcome.DID_NOT_ATTEND,
                SessionOutcome.CANCELLED_BY_CLIENT, SessionOutcome.CANCELLED_BY_HELPER));
        model.addAttribute("modes", MeetingMode.values());
        model.addAttribute("skillGroups", HelpingSkill.byGroup());
        model.addAttribute("templates", notes.templates());
        SessionMeasures due = measures.dueAtNextSession(overview.id());
        Map<String, Object> dueData = new HashMap<>();
        dueData.put("relationshipId", overview.id().value());
        dueData.put("sessionId", null);
        dueData.put("sessionNumber", due.sessionNumber());
        dueData.put("due", due.due());
        dueData.put("answeredHere", Set.of());
        dueData.put("mayGive", overview.mayChange() && overview.status().isOpen());
        model.addAttribute("due", dueData);
        model.addAttribute("template", template);
        return "recording/quick";
    }

    private NoteTemplate template(String key) {
        return notes.templates().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseGet(() -> notes.templates().stream().filter(t -> t.key().equals("free")).findFirst()
                        .orElse(notes.templates().get(0)));
    }

    private List<UUID> currentMemberIds(RelationshipOverview overview) {
        if (overview.clientParty().kind() == ClientPartyKind.PERSON) return List.of();
        return overview.clientParty().currentMembers(LocalDate.now(clock)).stream().map(ClientMember::id)
                .map(m -> m.value()).toList();
    }
}

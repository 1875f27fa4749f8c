package org.rapport.notes.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.notes.NoteId;
import org.rapport.notes.NoteManagement;
import org.rapport.notes.NoteTemplate;
import org.rapport.notes.NoteView;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The note forms of the session page: write the note (to a template), change it while unsigned,
 * sign it, add addenda once it is signed, and keep one's own process note. A refused note comes back
 * on its own page with the text kept, so nothing written is lost; the other forms return to the
 * session page with a message.
 */
@Controller
class NotePages {

    /** Form fields holding a section's text are named after the section: {@code section:Data}. */
    static final String SECTION = "section:";

    private final NoteManagement notes;
    private final SessionManagement sessions;

    NotePages(NoteManagement notes, SessionManagement sessions) {
        this.notes = notes;
        this.sessions = sessions;
    }

    @GetMapping("/sessions/{sid}/note/new")
    String newNote(@PathVariable UUID sid, @RequestParam(name = "template", defaultValue = "") String templateKey,
            Model model) {
        SessionId session = new SessionId(sid);
        sessions.describeForChange(session);
        NoteTemplate template = notes.templates().stream().filter(t -> t.key().equals(templateKey)).findFirst()
                .orElse(notes.templates().get(0));
        Map<String, String> blank = new LinkedHashMap<>();
        template.sections().forEach(s -> blank.put(s, ""));
        return writePage(model, sid, template.key(), template.name(), blank, null, 0, List.of());
    }

    @PostMapping("/sessions/{sid}/note")
    String write(@PathVariable UUID sid, @RequestParam(name = "template", defaultValue = "") String templateKey,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> texts = sections(params);
        try {
            notes.write(new SessionId(sid), templateKey, texts);
            redirect.addFlashAttribute("flash", "Note saved. Sign it when it is complete; a signed note is locked.");
            return "redirect:/sessions/" + sid + "#notes";
        } catch (RuleBroken e) {
            String name = notes.templates().stream().filter(t -> t.key().equals(templateKey)).findFirst()
                    .map(NoteTemplate::name).orElse("Unknown template");
            return writePage(model, sid, templateKey, name, texts, null, 0, List.of(e.getMessage()));
        }
    }

    @GetMapping("/notes/{nid}/edit")
    String editNote(@PathVariable UUID nid, Model model) {
        NoteView note = notes.note(new NoteId(nid));
        Map<String, String> texts = new LinkedHashMap<>();
        note.sections().forEach(s -> texts.put(s.heading(), s.text()));
        List<String> problems = note.signed() ? List.of("This note is signed, and signed notes are locked; "
                + "add an addendum to correct or add to it.") : List.of();
        return writePage(model, note.session().value(), note.templateKey(), note.templateName(), texts, nid,
                note.version(), problems);
    }

    @PostMapping("/notes/{nid}/revise")
    String revise(@PathVariable UUID nid, @RequestParam(name = "version", defaultValue = "-1") int version,
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        NoteId id = new NoteId(nid);
        SessionId session = notes.sessionOf(id);
        Map<String, String> texts = sections(params);
        try {
            notes.revise(id, version, texts);
            redirect.addFlashAttribute("flash", "Note saved. Sign it when it is complete; a signed note is locked.");
            return "redirect:/sessions/" + session + "#notes";
        } catch (RuleBroken e) {
            return revisePage(model, id, session, texts, version, e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            return revisePage(model, id, session, texts, version, "The note was changed after you opened it, so your "
                    + "change was not saved. Your text is below: copy it, reload the note and make your change again.");
        }
    }

    @PostMapping("/notes/{nid}/sign")
    String sign(@PathVariable UUID nid, @RequestParam(name = "version", defaultValue = "-1") int version,
            RedirectAttributes redirect) {
        NoteId id = new NoteId(nid);
        SessionId session = notes.sessionOf(id);
        return attempt(session, redirect, "Note signed. It is locked now; corrections go in addenda.",
                () -> notes.sign(id, version));
    }

    @PostMapping("/notes/{nid}/addenda")
    String addAddendum(@PathVariable UUID nid, @RequestParam(name = "text", defaultValue = "") String text,
            RedirectAttributes redirect) {
        NoteId id = new NoteId(nid);
        SessionId session = notes.sessionOf(id);
        return attempt(session, redirect, "Addendum added.", () -> notes.addAddendum(id, text));
    }

    @PostMapping("/sessions/{sid}/process-note")
    String processNote(@PathVariable UUID sid, @RequestParam(name = "text", defaultValue = "") String text,
            RedirectAttributes redirect) {
        SessionId session = new SessionId(sid);
        return attempt(session, redirect, "Your process note is saved. Only you can read it.",
                () -> notes.writeProcessNote(session, text));
    }

    private String attempt(SessionId session, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", done);
        } catch (RuleBroken e) {
            redirect.addFlashAttribute("flashError", e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", "The note was changed after you opened it, so this was not done. "
                    + "Look at the note again, then try again.");
        }
        return "redirect:/sessions/" + session + "#notes";
    }

    private String revisePage(Model model, NoteId id, SessionId session, Map<String, String> texts, int version,
            String problem) {
        NoteView current = notes.note(id);
        Map<String, String> shown = new LinkedHashMap<>();
        current.sections().forEach(s -> shown.put(s.heading(), texts.getOrDefault(s.heading(), "")));
        return writePage(model, session.value(), current.templateKey(), current.templateName(), shown, id.value(),
                version, List.of(problem));
    }

    private String writePage(Model model, UUID sid, String templateKey, String templateName, Map<String, String> texts,
            @Nullable UUID noteId, int version, List<String> problems) {
        model.addAttribute("sessionId", sid);
        model.addAttribute("templateKey", templateKey);
        model.addAttribute("templateName", templateName);
        model.addAttribute("sections", texts.entrySet().stream().map(e -> new NoteView.Section(e.getKey(), e.getValue())).toList());
        model.addAttribute("noteId", noteId);
        model.addAttribute("version", version);
        model.addAttribute("problems", problems);
        model.addAttribute("templates", notes.templates());
        return "notes/write";
    }

    /** The section texts sent by a note form, by heading, in the order sent. */
    static Map<String, String> sections(MultiValueMap<String, String> params) {
        Map<String, String> texts = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith(SECTION) && !values.isEmpty()) texts.put(name.substring(SECTION.length()), values.get(0));
        });
        return texts;
    }
}

package org.rapport.notes.web;

import java.util.Arrays;
import java.util.List;
import org.rapport.notes.NoteManagement;
import org.rapport.notes.NoteTemplate;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of note templates: the built-ins and the organisation's own, and a form to add one. */
@Controller
class NoteTemplatePages {

    private final NoteManagement notes;

    NoteTemplatePages(NoteManagement notes) {
        this.notes = notes;
    }

    @GetMapping("/admin/note-templates")
    String list(Model model) {
        return page(model, "", "", "", List.of());
    }

    @PostMapping("/admin/note-templates")
    String add(@RequestParam(name = "key", defaultValue = "") String key,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "sections", defaultValue = "") String sections, Model model,
            RedirectAttributes redirect) {
        try {
            NoteTemplate added = notes.addTemplate(key, name, Arrays.asList(sections.split("\\R")));
            redirect.addFlashAttribute("flash", "Template ‘" + added.name() + "’ added. Helpers can write notes to it now.");
            return "redirect:/admin/note-templates";
        } catch (RuleBroken e) {
            return page(model, key, name, sections, List.of(e.getMessage()));
        }
    }

    private String page(Model model, String key, String name, String sections, List<String> problems) {
        model.addAttribute("templates", notes.templates());
        model.addAttribute("key", key);
        model.addAttribute("name", name);
        model.addAttribute("sections", sections);
        model.addAttribute("problems", problems);
        return "notes/templates";
    }
}

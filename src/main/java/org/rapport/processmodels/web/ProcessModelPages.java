package org.rapport.processmodels.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rapport.processmodels.InvalidProcessModel;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModels;
import org.rapport.processmodels.web.ModelViews.ProblemView;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process model pages: admins list the models, read them and add their organisation's own,
 * pasted or uploaded; every member of staff can read a model at {@code /process-models/{key}}.
 */
@Controller
class ProcessModelPages {

    static final String EXAMPLE_PATH = "processmodels/examples/listening-first.yaml";
    private static final List<String> FILE_ENDINGS = List.of(".yaml", ".yml", ".txt");

    private final ProcessModels models;

    ProcessModelPages(ProcessModels models) {
        this.models = models;
    }

    @GetMapping("/admin/process-models")
    String list(Model model) {
        model.addAttribute("models", models.available());
        model.addAttribute("defaultKey", models.defaultKey());
        return "processmodels/list";
    }

    @PostMapping("/admin/process-models/default")
    String chooseDefault(@RequestParam(name = "key", required = false) @Nullable String key,
            RedirectAttributes redirect) {
        try {
            ProcessModel chosen = models.chooseDefault(key);
            redirect.addFlashAttribute("flash", "New referrals now follow " + chosen.name() + " unless another model is chosen.");
        } catch (RuleBroken refused) {
            redirect.addFlashAttribute("flashError", refused.getMessage());
        }
        return "redirect:/admin/process-models";
    }

    @GetMapping("/admin/process-models/{key}")
    String showToAdmin(@PathVariable String key, Model model) {
        return show(key, true, model);
    }

    @GetMapping("/process-models/{key}")
    String showToStaff(@PathVariable String key, Model model) {
        Permissions.requireStaff();
        return show(key, false, model);
    }

    @GetMapping("/admin/process-models/new")
    String initAddForm(Model model) {
        model.addAttribute("definition", "");
        return "processmodels/new";
    }

    @PostMapping("/admin/process-models")
    String processAddForm(@RequestParam(name = "definition", required = false) @Nullable String definition,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String pasted = definition == null ? "" : definition;
        boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
        model.addAttribute("definition", pasted);
        if (chosen && !pasted.isBlank()) {
            return refuse(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "Either paste a model or choose a file, "
                    + "not both. The pasted text is kept below; choose the file again if you meant to upload it.");
        }
        if (!chosen && pasted.isBlank()) {
            return refuse(model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "Paste a model into the box, or choose a file to upload.");
        }
        String text = pasted;
        try {
            if (chosen) {
                if (!hasModelFileEnding(file.getOriginalFilename())) {
                    return refuse(model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                            "Choose a file ending in .yaml, .yml or .txt. A word-processor document cannot be read.");
                }
                try (InputStream in = file.getInputStream()) {
                    text = ModelText.read(in);
                }
                // Shown in the box if anything is wrong, so it can be corrected there.
                model.addAttribute("definition", text);
            }
            ProcessModel added = models.addOwn(text);
            redirect.addFlashAttribute("flash", "Added the process model “" + added.name()
                    + "”. Relationships in your organisation can now follow it.");
            return "redirect:/admin/process-models/" + added.key();
        } catch (InvalidProcessModel e) {
            model.addAttribute("problems", e.problems().stream().map(ProblemView::of).toList());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "processmodels/new";
        } catch (RuleBroken e) {
            return refuse(model, response, HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @GetMapping("/admin/process-models/example.yaml")
    ResponseEntity<Resource> example() {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("example-process-model.yaml").build().toString())
                .body(new ClassPathResource(EXAMPLE_PATH));
    }

    private String show(String key, boolean admin, Model model) {
        model.addAttribute("processModel", models.find(key).orElseThrow(() -> new RecordNotFound("process model")));
        model.addAttribute("admin", admin);
        return "processmodels/show";
    }

    private static String refuse(Model model, HttpServletResponse response, HttpStatus status, String message) {
        model.addAttribute("formError", message);
        response.setStatus(status.value());
        return "processmodels/new";
    }

    private static boolean hasModelFileEnding(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        return FILE_ENDINGS.stream().anyMatch(name::endsWith);
    }
}

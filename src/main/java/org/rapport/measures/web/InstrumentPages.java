package org.rapport.measures.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rapport.measures.InstrumentCatalogue;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.InvalidInstrument;
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
 * The admin's instrument pages: the list of instruments the organisation can give, one instrument
 * with its items and scoring, and adding one the organisation holds a licence for, pasted or uploaded.
 * Under {@code /admin}, so only admins reach them.
 */
@Controller
class InstrumentPages {

    static final String EXAMPLE_PATH = "instruments/examples/two-questions.yaml";
    private static final List<String> FILE_ENDINGS = List.of(".yaml", ".yml", ".txt");

    private final InstrumentCatalogue catalogue;

    InstrumentPages(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/instruments")
    String list(Model model) {
        model.addAttribute("instruments", catalogue.all().stream().map(this::row).toList());
        return "measures/instrument-list";
    }

    @GetMapping("/admin/instruments/new")
    String initAddForm(Model model) {
        model.addAttribute("definition", "");
        return "measures/instrument-new";
    }

    @GetMapping("/admin/instruments/example.yaml")
    ResponseEntity<Resource> example() {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("example-instrument.yaml").build().toString())
                .body(new ClassPathResource(EXAMPLE_PATH));
    }

    @GetMapping("/admin/instruments/{key}")
    String show(@PathVariable String key, Model model) {
        InstrumentDefinition instrument = catalogue.find(key).orElseThrow(() -> new RecordNotFound("instrument"));
        model.addAttribute("instrument", instrument);
        model.addAttribute("shipped", catalogue.isShipped(instrument));
        return "measures/instrument-show";
    }

    @PostMapping("/admin/instruments")
    String processAddForm(@RequestParam(name = "definition", required = false) @Nullable String definition,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
            RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String pasted = definition == null ? "" : definition;
        boolean chosen = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
        model.addAttribute("definition", pasted);
        if (chosen && !pasted.isBlank()) {
            return refuse(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "Either paste a definition or choose a file, "
                    + "not both. The pasted text is kept below; choose the file again if you meant to upload it.");
        }
        if (!chosen && pasted.isBlank()) {
            return refuse(model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "Paste a definition into the box, or choose a file to upload.");
        }
        String text = pasted;
        try {
            if (chosen) {
                if (!hasFileEnding(file.getOriginalFilename())) {
                    return refuse(model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                            "Choose a file ending in .yaml, .yml or .txt. A word-processor document cannot be read.");
                }
                try (InputStream in = file.getInputStream()) {
                    text = InstrumentText.read(in);
                }
                // Shown in the box if anything is wrong, so it can be corrected there.
                model.addAttribute("definition", text);
            }
            InstrumentDefinition added = catalogue.addOwn(text);
            redirect.addFlashAttribute("flash", "Added the instrument “" + added.label()
                    + "”. Helpers in your organisation can now give it.");
            return "redirect:/admin/instruments/" + added.key();
        } catch (InvalidInstrument e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "measures/instrument-new";
        } catch (RuleBroken e) {
            return refuse(model, response, HttpStatus.CONFLICT, e.getMessage());
        }
    }

    private InstrumentRow row(InstrumentDefinition instrument) {
        return new InstrumentRow(instrument.key(), instrument.label(), instrument.validated(),
                catalogue.isShipped(instrument), instrument.licence());
    }

    private static String refuse(Model model, HttpServletResponse response, HttpStatus status, String message) {
        model.addAttribute("formError", message);
        response.setStatus(status.value());
        return "measures/instrument-new";
    }

    private static boolean hasFileEnding(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        return FILE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** One line of the list of instruments. */
    public record InstrumentRow(String key, String label, boolean validated, boolean shipped, String licence) {
    }
}

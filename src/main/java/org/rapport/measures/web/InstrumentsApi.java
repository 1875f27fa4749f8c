package org.rapport.measures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.measures.InstrumentCatalogue;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.InvalidInstrument;
import org.rapport.shared.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Instruments over HTTP: staff list and read the ones the organisation can give; admins add one
 * the organisation holds a licence for, sent as the YAML text itself or as JSON carrying that text.
 */
@Tag(name = "Instruments", description = "The shipped instruments and the organisation's own, in the format of instruments/FORMAT.md")
@RestController
@RequestMapping("/api/instruments")
class InstrumentsApi {

    private static final String ADD_SUMMARY = "Add an instrument the organisation holds a licence for (admins only)";
    private static final String ADD_DESCRIPTION = "Send the definition's YAML text as the body (application/yaml or "
            + "text/plain, UTF-8, at most 200 kB), or as JSON: {\"definition\": \"...\"}. Own instruments cannot be "
            + "changed or removed once added.";

    private final InstrumentCatalogue catalogue;

    InstrumentsApi(InstrumentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record InstrumentSummary(String key, String name, String label, boolean validated, boolean shipped,
            String recallPeriod, int items, String licence) {
    }

    @GetMapping
    @Operation(summary = "The instruments that may be given: the shipped ones in the order they are offered, then the organisation's own")
    List<InstrumentSummary> instruments() {
        return catalogue.all().stream().map(this::summary).toList();
    }

    @GetMapping("/{key}")
    @Operation(summary = "One instrument: its items, answers, scoring, bands, cut-off, licence and attribution")
    InstrumentDefinition instrument(@PathVariable String key) {
        return catalogue.find(key).orElseThrow(() -> new RecordNotFound("instrument"));
    }

    @Operation(summary = ADD_SUMMARY, description = ADD_DESCRIPTION, responses = {
            @ApiResponse(responseCode = "201", description = "Added; Location names the new instrument"),
            @ApiResponse(responseCode = "403", description = "Only an organisation admin adds instruments",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
            @ApiResponse(responseCode = "409", description = "A shipped or an own instrument already uses the key",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
            @ApiResponse(responseCode = "422", description = "Not a valid definition; 'errors' lists line, field and message",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The definition's YAML text, as a file would hold it",
            content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))})
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<InstrumentSummary> addFromYaml(InputStream body) throws IOException {
        requireAdmin();
        return added(catalogue.addOwn(InstrumentText.read(body)));
    }

    @Operation(summary = ADD_SUMMARY, description = ADD_DESCRIPTION)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InstrumentSummary> addFromJson(@Valid @RequestBody NewInstrument request) {
        requireAdmin();
        // The format refuses a definition over 200 kB by itself, as it does an uploaded one.
        return added(catalogue.addOwn(request.definition() == null ? "" : request.definition()));
    }

    /** An invalid definition, with every problem and where it is, so the whole file can be put right at once. */
    @ExceptionHandler(InvalidInstrument.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInstrument e) {
        int count = e.problems().size();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The instrument definition has " + count + (count == 1 ? " problem" : " problems") + ". Nothing was stored.");
        problem.setTitle("Not a valid instrument definition");
        problem.setType(URI.create("urn:rapport:problem:invalid-instrument"));
        problem.setProperty("errors", e.problems());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<InstrumentSummary> added(InstrumentDefinition instrument) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{key}")
                .buildAndExpand(instrument.key()).toUri();
        return ResponseEntity.created(location).body(summary(instrument));
    }

    private InstrumentSummary summary(InstrumentDefinition i) {
        return new InstrumentSummary(i.key(), i.name(), i.label(), i.validated(), catalogue.isShipped(i), i.recallPeriod(),
                i.items().size(), i.licence());
    }

    /** Checked before the body is read, so a non-admin learns nothing about what they sent. */
    private static void requireAdmin() {
        if (!CurrentUser.require().isAdmin()) throw new AccessDeniedException("only an organisation admin adds instruments");
    }

    /** An instrument sent as JSON: its YAML text, exactly as it would be uploaded. */
    record NewInstrument(@NotBlank(message = "give the instrument's YAML text") @Nullable String definition) {
    }
}

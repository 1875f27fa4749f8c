package org.rapport.processmodels.web;

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
import org.rapport.processmodels.InvalidProcessModel;
import org.rapport.processmodels.ProcessModel;
import org.rapport.processmodels.ProcessModels;
import org.rapport.processmodels.web.ModelViews.ModelDetail;
import org.rapport.processmodels.web.ModelViews.ModelSummary;
import org.rapport.processmodels.web.ModelViews.ProblemView;
import org.rapport.shared.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Process models over HTTP: staff list and read them; admins add their organisation's own, sent
 * either as the YAML text itself or as JSON carrying that text.
 */
@Tag(name = "Process models", description = "The built-in and the organisation's own models a relationship can follow")
@RestController
@RequestMapping("/api/process-models")
class ProcessModelsHttpApi {

    private static final String ADD_SUMMARY = "Add one of the organisation's own models (admins only)";
    private static final String ADD_DESCRIPTION = "Send the model's YAML text as the body (application/yaml or "
            + "text/plain, UTF-8, at most 100 kB), or as JSON: {\"definition\": \"...\"}. Own models cannot be "
            + "changed or removed once added.";

    private final ProcessModels models;

    ProcessModelsHttpApi(ProcessModels models) {
        this.models = models;
    }

    @Operation(summary = "List the models available to the organisation: the built-ins, then its own")
    @GetMapping
    List<ModelSummary> list() {
        Permissions.requireStaff();
        return models.available().stream().map(ModelSummary::of).toList();
    }

    @Operation(summary = "The model a new referral follows unless another is given")
    @GetMapping("/default")
    DefaultModel defaultModel() {
        Permissions.requireStaff();
        return new DefaultModel(models.defaultKey());
    }

    @Operation(summary = "Choose the model new referrals follow unless another is given (admins only)")
    @PutMapping(path = "/default", consumes = MediaType.APPLICATION_JSON_VALUE)
    DefaultModel chooseDefault(@Valid @RequestBody DefaultModel choice) {
        return new DefaultModel(models.chooseDefault(choice.key()).key());
    }

    /** The key of the organisation's default model. */
    record DefaultModel(@NotBlank String key) {
    }

    @Operation(summary = "Read one model with all its phases")
    @GetMapping("/{key}")
    ModelDetail show(@PathVariable String key) {
        Permissions.requireStaff();
        return ModelDetail.of(models.find(key).orElseThrow(() -> new RecordNotFound("process model")));
    }

    @Operation(summary = ADD_SUMMARY, description = ADD_DESCRIPTION, responses = {
            @ApiResponse(responseCode = "201", description = "Added; Location names the new model"),
            @ApiResponse(responseCode = "403", description = "Only an organisation admin adds models",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
            @ApiResponse(responseCode = "409", description = "A built-in or an own model already uses the key",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
            @ApiResponse(responseCode = "422", description = "Not a valid model; 'errors' lists line, field and message",
                    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The model's YAML text, as a file would hold it",
            content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))})
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ModelDetail> addFromYaml(InputStream body) throws IOException {
        Permissions.requireAdmin();
        return added(models.addOwn(ModelText.read(body)));
    }

    @Operation(summary = ADD_SUMMARY, description = ADD_DESCRIPTION)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModelDetail> addFromJson(@Valid @RequestBody NewProcessModel request) {
        Permissions.requireAdmin();
        return added(models.addOwn(request.definition()));
    }

    /** An invalid model, with every problem and where it is, so the whole file can be put right at once. */
    @ExceptionHandler(InvalidProcessModel.class)
    ResponseEntity<ProblemDetail> invalid(InvalidProcessModel e) {
        int count = e.problems().size();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The process model has " + count + (count == 1 ? " problem" : " problems") + ". Nothing was stored.");
        problem.setTitle("Not a valid process model");
        problem.setType(URI.create("urn:rapport:problem:invalid-process-model"));
        problem.setProperty("errors", e.problems().stream().map(ProblemView::of).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ModelDetail> added(ProcessModel model) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{key}")
                .buildAndExpand(model.key()).toUri();
        return ResponseEntity.created(location).body(ModelDetail.of(model));
    }

    /** A model sent as JSON: its YAML text, exactly as it would be uploaded. */
    record NewProcessModel(@NotBlank(message = "give the model's YAML text") @Nullable String definition) {
    }
}

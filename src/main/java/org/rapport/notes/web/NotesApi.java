package org.rapport.notes.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.notes.NoteId;
import org.rapport.notes.NoteManagement;
import org.rapport.notes.NoteTemplate;
import org.rapport.notes.NoteView;
import org.rapport.sessions.SessionId;
import org.rapport.shared.RecordNotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The notes part of the HTTP API: the same capabilities as the pages, as JSON. */
@RestController
@RequestMapping("/api")
@Tag(name = "Notes", description = "Session notes to a template, signing, addenda, private process notes and note templates")
class NotesApi {

    private final NoteManagement notes;

    NotesApi(NoteManagement notes) {
        this.notes = notes;
    }

    /** A note to write: the template's key and a text for each of its sections, by heading. */
    record NewNote(@NotBlank String template, @NotNull Map<String, String> sections) {
        @Override
        public String toString() {
            return "NewNote[template=" + template + "]";
        }
    }

    /** New texts for an unsigned note, with the version it was loaded at. */
    record NoteRevision(@NotNull Integer version, @NotNull Map<String, String> sections) {
        @Override
        public String toString() {
            return "NoteRevision[version=" + version + "]";
        }
    }

    record Signing(@NotNull Integer version) {
    }

    record Text(@NotBlank @Size(max = NoteTemplate.MAX_TEXT) String text) {
        @Override
        public String toString() {
            return "Text[" + (text == null ? 0 : text.length()) + " characters]";
        }
    }

    record ProcessNoteText(@NotNull @Size(max = NoteTemplate.MAX_TEXT) String text) {
        @Override
        public String toString() {
            return "ProcessNoteText[" + (text == null ? 0 : text.length()) + " characters]";
        }
    }

    record NewTemplate(@NotBlank @Size(max = 40) String key, @NotBlank @Size(max = NoteTemplate.MAX_NAME) String name,
            @NotEmpty @Size(max = NoteTemplate.MAX_SECTIONS) List<@NotBlank @Size(max = NoteTemplate.MAX_NAME) String> sections) {
    }

    record Version(int version) {
    }

    @GetMapping("/sessions/{sid}/note")
    @Operation(summary = "The session's note, with its addenda (the read is audited)")
    NoteView noteOf(@PathVariable UUID sid) {
        return notes.noteOf(new SessionId(sid)).orElseThrow(() -> new RecordNotFound("note"));
    }

    @PostMapping("/sessions/{sid}/note")
    @Operation(summary = "Write the session's note to a template; a session has one note")
    ResponseEntity<Map<String, Object>> write(@PathVariable UUID sid, @Valid @RequestBody NewNote note) {
        NoteId id = notes.write(new SessionId(sid), note.template(), note.sections());
        return ResponseEntity.created(URI.create("/api/notes/" + id)).body(Map.of("id", id.value(), "version", 0));
    }

    @GetMapping("/notes/{nid}")
    @Operation(summary = "A note by its id (the read is audited)")
    NoteView note(@PathVariable UUID nid) {
        return notes.note(new NoteId(nid));
    }

    @PutMapping("/notes/{nid}")
    @Operation(summary = "Change an unsigned note's sections (its author only)")
    Version revise(@PathVariable UUID nid, @Valid @RequestBody NoteRevision revision) {
        return new Version(notes.revise(new NoteId(nid), revision.version(), revision.sections()));
    }

    @PostMapping("/notes/{nid}/sign")
    @Operation(summary = "Sign the note (its author only), which locks it")
    Version sign(@PathVariable UUID nid, @Valid @RequestBody Signing signing) {
        return new Version(notes.sign(new NoteId(nid), signing.version()));
    }

    @PostMapping("/notes/{nid}/addenda")
    @Operation(summary = "Add an addendum to a signed note")
    ResponseEntity<Void> addAddendum(@PathVariable UUID nid, @Valid @RequestBody Text addendum) {
        notes.addAddendum(new NoteId(nid), addendum.text());
        return ResponseEntity.created(URI.create("/api/notes/" + nid)).build();
    }

    @GetMapping("/sessions/{sid}/process-note")
    @Operation(summary = "Your own private process note on the session; nobody else's is ever shown")
    ProcessNoteText processNote(@PathVariable UUID sid) {
        return new ProcessNoteText(notes.processNoteOf(new SessionId(sid)).orElseThrow(() -> new RecordNotFound("process note")));
    }

    @PutMapping("/sessions/{sid}/process-note")
    @Operation(summary = "Write or replace your own private process note on the session")
    ResponseEntity<Void> writeProcessNote(@PathVariable UUID sid, @Valid @RequestBody ProcessNoteText note) {
        notes.writeProcessNote(new SessionId(sid), note.text());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/note-templates")
    @Operation(summary = "The note templates: the built-ins, then the organisation's own")
    List<NoteTemplate> templates() {
        return notes.templates();
    }

    @PostMapping("/note-templates")
    @Operation(summary = "Add one of the organisation's own note templates (admins only)")
    ResponseEntity<NoteTemplate> addTemplate(@Valid @RequestBody NewTemplate template) {
        NoteTemplate added = notes.addTemplate(template.key(), template.name(), template.sections());
        return ResponseEntity.created(URI.create("/api/note-templates")).body(added);
    }
}

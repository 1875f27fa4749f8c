package org.rapport.notes;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.accounts.Role;
import org.rapport.audit.AuditTrail;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionManagement;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notes module's commands and reads. Who may read a session's note follows who may see the
 * session (the relationship's helpers, their supervisors, admins); who may write one follows who
 * may change it (the relationship's helpers and admins). Only a note's author revises and signs it;
 * once signed it is locked, and any helper of the relationship may add addenda. A process note is
 * its author's alone: nobody else, not an admin nor a supervisor, can read it. Every read and change
 * of a note is audited, and no audit detail carries note text.
 */
@Service
public class NoteManagement {

    private static final String NOTE = "note";
    private static final String PROCESS_NOTE = "process note";

    private final SessionManagement sessions;
    private final Notes notes;
    private final NoteTemplates templates;
    private final AuditTrail audit;
    private final Clock clock;

    NoteManagement(SessionManagement sessions, Notes notes, NoteTemplates templates, AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.notes = notes;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes the session's note to a template, unsigned. A session has one note: a second is refused.
     * Every section of the template is given (blank is fine), none longer than 20,000 characters, at
     * least one written.
     */
    @Transactional
    public NoteId write(SessionId session, @Nullable String templateKey, @Nullable Map<String, String> sectionTexts) {
        SessionInfo info = sessions.describeForChange(requireSession(session));
        if (notes.findIdBySession(session.value()).isPresent()) throw Notes.alreadyHasANote();
        if (templateKey == null || templateKey.isBlank()) throw new RuleBroken("Choose a template for the note.");
        NoteTemplate template = templates.find(templateKey.strip()).orElseThrow(() -> new RuleBroken(
                "There is no note template '" + templateKey.strip() + "'; choose one from the list."));
        Note note = Note.write(session.value(), info.relationship().value(), info.clientPartyId(), template,
                sectionTexts, actor(), clock.instant());
        notes.insert(note);
        audit.changed(NOTE, note.id(), info.clientPartyId(), "wrote the session note (" + template.name() + ")");
        return new NoteId(note.id());
    }

    /** New texts for an unsigned note, by its author; returns the note's new version. */
    @Transactional
    public int revise(NoteId id, int expectedVersion, @Nullable Map<String, String> sectionTexts) {
        Note note = forChange(id);
        note.revise(sectionTexts, actor());
        requireVersion(note, expectedVersion);
        int version = notes.update(note);
        audit.changed(NOTE, note.id(), note.clientPartyId(), "revised the session note");
        return version;
    }

    /** Signs the note, by its author, which locks it; returns the note's new version. */
    @Transactional
    public int sign(NoteId id, int expectedVersion) {
        Note note = forChange(id);
        note.sign(actor(), clock.instant());
        requireVersion(note, expectedVersion);
        int version = notes.update(note);
        audit.changed(NOTE, note.id(), note.clientPartyId(), "signed the session note");
        return version;
    }

    /** Adds a correction or addition to a signed note, by any helper of the relationship (or an admin). */
    @Transactional
    public void addAddendum(NoteId id, @Nullable String text) {
        Note note = forChange(id);
        Note.StoredAddendum addendum = note.addAddendum(text, actor(), clock.instant());
        notes.addAddendum(note, addendum);
        audit.changed(NOTE, note.id(), note.clientPartyId(), "added an addendum to the signed session note");
    }

    /** The session's note, for someone who may see the session; the read is audited. */
    @Transactional
    public Optional<NoteView> noteOf(SessionId session) {
        SessionInfo info = sessions.describe(requireSession(session));
        return notes.findBySession(session.value()).map(note -> {
            audit.read(NOTE, note.id(), info.clientPartyId(), "read the session note");
            return view(note);
        });
    }

    /** A note by its id, for someone who may see its session; the read is audited. */
    @Transactional
    public NoteView note(NoteId id) {
        Note note = visible(id);
        audit.read(NOTE, note.id(), note.clientPartyId(), "read the session note");
        return view(note);
    }

    /**
     * Writes (or replaces) the signed-in helper's private process note on a session. Only a helper who
     * may change the session keeps one; nobody but its author can ever read it.
     */
    @Transactional
    public void writeProcessNote(SessionId session, @Nullable String text) {
        SessionInfo info = sessions.describeForChange(requireSession(session));
        CurrentUser user = CurrentUser.require();
        if (!user.is(Role.HELPER)) throw new AccessDeniedException("Process notes are kept by helpers.");
        String t = text == null ? "" : text.strip();
        boolean exists = notes.processNote(session.value(), user.accountId().value()).isPresent();
        if (t.isEmpty() && !exists) throw new RuleBroken("Write the process note before saving it.");
        if (text != null && text.length() > NoteTemplate.MAX_TEXT) {
            throw new RuleBroken("The process note is " + text.length() + " characters long; keep it to "
                    + NoteTemplate.MAX_TEXT + " characters.");
        }
        notes.saveProcessNote(session.value(), user.accountId().value(), t, clock.instant());
        audit.changed(PROCESS_NOTE, session.value(), info.clientPartyId(), "wrote their private process note");
    }

    /** The signed-in person's own process note on a session, if they wrote one; never anyone else's. */
    @Transactional
    public Optional<String> processNoteOf(SessionId session) {
        SessionInfo info = sessions.describe(requireSession(session));
        CurrentUser user = CurrentUser.require();
        return notes.processNote(session.value(), user.accountId().value()).map(note -> {
            audit.read(PROCESS_NOTE, session.value(), info.clientPartyId(), "read their own private process note");
            return note.text();
        });
    }

    /** The session a note belongs to, for someone who may see it; not audited (nothing of the note is read). */
    @Transactional(readOnly = true)
    public SessionId sessionOf(NoteId id) {
        return new SessionId(visible(id).sessionId());
    }

    /** Whether the signed-in person wrote this note (and so may revise and sign it while it is unsigned). */
    @Transactional(readOnly = true)
    public boolean isAuthor(NoteId id) {
        Note note = visible(id);
        return note.isAuthor(CurrentUser.require().accountId().value());
    }

    /** Whether the signed-in person may keep a process note on this session they may see. */
    public boolean mayKeepProcessNote(SessionInfo session) {
        return session.mayChange() && CurrentUser.find().map(u -> u.is(Role.HELPER)).orElse(false);
    }

    /** The templates a note can be written to: the built-ins, then the organisation's own. */
    @Transactional(readOnly = true)
    public List<NoteTemplate> templates() {
        return templates.all();
    }

    /** Adds one of the organisation's own templates (admins only): a key, a name and one to ten sections. */
    @Transactional
    public NoteTemplate addTemplate(@Nullable String key, @Nullable String name, @Nullable List<String> sections) {
        CurrentUser user = CurrentUser.require();
        if (!user.isAdmin()) throw new AccessDeniedException("Only admins add note templates.");
        NoteTemplate template = NoteTemplate.own(key, name, sections);
        templates.add(template, user.accountId().value());
        return template;
    }

    private Note visible(NoteId id) {
        if (id == null) throw new RecordNotFound(NOTE);
        Note note = notes.findById(id.value()).orElseThrow(() -> new RecordNotFound(NOTE));
        try {
            sessions.describe(new SessionId(note.sessionId()));
        } catch (RecordNotFound e) {
            throw new RecordNotFound(NOTE);
        }
        return note;
    }

    private Note forChange(NoteId id) {
        if (id == null) throw new RecordNotFound(NOTE);
        Note note = notes.findById(id.value()).orElseThrow(() -> new RecordNotFound(NOTE));
        try {
            sessions.describeForChange(new SessionId(note.sessionId()));
        } catch (RecordNotFound e) {
            throw new RecordNotFound(NOTE);
        }
        return note;
    }

    private static SessionId requireSession(@Nullable SessionId session) {
        if (session == null) throw new RecordNotFound("session");
        return session;
    }

    private static void requireVersion(Note note, int expectedVersion) {
        if (note.version() != expectedVersion) throw new OptimisticLockingFailureException("note changed since it was loaded");
    }

    private static NoteView view(Note note) {
        return new NoteView(new NoteId(note.id()), new SessionId(note.sessionId()), note.templateKey(),
                note.templateName(), note.sections(), note.authorName(), note.writtenAt(), note.isSigned(),
                note.signedAt(), note.signedByName(),
                note.addenda().stream().map(a -> new NoteView.Addendum(a.text(), a.byName(), a.at())).toList(),
                note.version());
    }

    private static Note.Actor actor() {
        CurrentUser user = CurrentUser.require();
        return new Note.Actor(user.accountId().value(), user.displayName());
    }
}

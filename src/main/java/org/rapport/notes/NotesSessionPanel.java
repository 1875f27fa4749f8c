package org.rapport.notes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rapport.accounts.CurrentUser;
import org.rapport.sessions.SessionInfo;
import org.rapport.sessions.SessionPanel;
import org.springframework.stereotype.Component;

/**
 * The notes section of the session page: the session's note (a form to write one, the note with its
 * Sign button while its author may still change it, or the signed note with its addenda), and the
 * signed-in helper's own private process note.
 */
@Component
class NotesSessionPanel implements SessionPanel {

    private final NoteManagement notes;

    NotesSessionPanel(NoteManagement notes) {
        this.notes = notes;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String template() {
        return "notes/session-panel";
    }

    @Override
    public Map<String, Object> data(SessionInfo session) {
        Optional<NoteView> note = notes.noteOf(session.id());
        String me = CurrentUser.require().displayName();
        Map<String, Object> data = new HashMap<>();
        data.put("sessionId", session.id().value());
        data.put("mayWrite", session.mayChange());
        List<NoteTemplate> templates = notes.templates();
        data.put("templates", templates);
        data.put("template", templates.get(0));
        note.ifPresent(n -> data.put("note", n));
        data.put("hasNote", note.isPresent());
        data.put("mayRevise", note.isPresent() && session.mayChange() && !note.get().signed()
                && notes.isAuthor(note.get().id()));
        data.put("me", me);
        boolean keepsProcessNote = notes.mayKeepProcessNote(session);
        data.put("mayKeepProcessNote", keepsProcessNote);
        data.put("processNote", keepsProcessNote ? notes.processNoteOf(session.id()).orElse("") : "");
        return data;
    }
}

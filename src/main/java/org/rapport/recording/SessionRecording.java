package org.rapport.recording;

import org.rapport.goals.GoalManagement;
import org.rapport.notes.NoteId;
import org.rapport.notes.NoteManagement;
import org.rapport.relationships.RelationshipId;
import org.rapport.sessions.NewSession;
import org.rapport.sessions.SessionId;
import org.rapport.sessions.SessionManagement;
import org.rapport.sessions.SessionRecord;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a session, its goal ratings and its note in one transaction: if any part is refused,
 * nothing is stored. Each module keeps its own rules and audit; this only puts them together.
 */
@Service
public class SessionRecording {

    private final SessionManagement sessions;
    private final GoalManagement goals;
    private final NoteManagement notes;

    SessionRecording(SessionManagement sessions, GoalManagement goals, NoteManagement notes) {
        this.sessions = sessions;
        this.goals = goals;
        this.notes = notes;
    }

    @Transactional
    public RecordedSession record(RelationshipId relationship, QuickRecord record) {
        if (!record.ratings().isEmpty() && !record.outcome().isHeld()) {
            throw new RuleBroken("Goals are rated in a session that took place; this one is recorded as ‘"
                    + record.outcome().label().toLowerCase() + "’.");
        }
        SessionId session = sessions.recordUnscheduled(relationship,
                new NewSession(record.on(), record.at(), record.lengthMinutes(), record.mode(), record.place()),
                new SessionRecord(record.outcome(), record.attendance(), record.skills()));
        if (!record.ratings().isEmpty()) {
            goals.rateInSession(session, record.ratings());
        }
        NoteId note = null;
        if (record.hasNote()) {
            note = notes.write(session, record.noteTemplate(), record.noteSections());
            if (record.signNote()) {
                notes.sign(note, notes.note(note).version());
            }
        } else if (record.signNote()) {
            throw new RuleBroken("There is no note to sign: write the note, or leave ‘sign the note’ unticked.");
        }
        return new RecordedSession(session, note);
    }
}

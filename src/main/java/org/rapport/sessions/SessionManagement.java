package org.rapport.sessions;

import java.util.List;
import java.util.Optional;
import org.rapport.relationships.RelationshipId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions module's commands and reads: schedule a session, record what happened, read one or
 * a relationship's sessions, the signed-in helper's upcoming sessions and their calendar feed.
 */
@Service
public class SessionManagement {

    /** Schedules a session in an open relationship the signed-in person may change. */
    @Transactional
    public SessionId schedule(RelationshipId relationship, NewSession session) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Records a session after the fact, in one step. */
    @Transactional
    public SessionId recordUnscheduled(RelationshipId relationship, NewSession session, SessionRecord record) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Records (or corrects) what happened at a session; returns its new version. */
    @Transactional
    public int record(SessionId session, int expectedVersion, SessionRecord record) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A session the signed-in person may see; not audited (the caller audits what it reads). */
    @Transactional(readOnly = true)
    public SessionInfo describe(SessionId session) {
        throw new UnsupportedOperationException("not yet");
    }

    /** As {@link #describe}, refused unless the signed-in person may change it. */
    @Transactional(readOnly = true)
    public SessionInfo describeForChange(SessionId session) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A session, for its page or the API; the read is audited. */
    @Transactional
    public SessionInfo session(SessionId session) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A relationship's sessions, newest first; the read is audited. */
    @Transactional
    public List<SessionInfo> sessionsOf(RelationshipId relationship) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The signed-in helper's scheduled sessions from today on. */
    @Transactional(readOnly = true)
    public List<UpcomingSession> upcoming() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Makes (or replaces) the signed-in helper's secret calendar feed link. */
    @Transactional
    public CalendarLink openCalendarFeed() {
        throw new UnsupportedOperationException("not yet");
    }

    @Transactional
    public void revokeCalendarFeed() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The iCalendar text behind a feed token, or empty for an unknown or revoked one; needs no signed-in user. */
    public Optional<String> calendarFeed(String token) {
        throw new UnsupportedOperationException("not yet");
    }
}

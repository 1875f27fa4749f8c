package org.rapport.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.rapport.protection.NarrativeCipher;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session notes, their addenda and process notes of the organisation in scope, stored with their
 * text encrypted. Each ciphertext is bound to its organisation, its record and its field.
 */
@Repository
class Notes {

    static final String NOTE_BODY = "note.body";
    static final String PROCESS_NOTE_BODY = "process-note.body";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<NoteView.Section>> SECTIONS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final NarrativeCipher cipher;

    Notes(JdbcClient jdbc, NarrativeCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A process note as stored, with its text decrypted. */
    record ProcessNote(UUID id, UUID sessionId, UUID authorAccountId, String text, Instant writtenAt, Instant updatedAt) {
        @Override
        public String toString() {
            return "ProcessNote[id=" + id + ", session=" + sessionId + "]";
        }
    }

    /** A signature or addendum as the timeline shows it: what, who and when, never the text. */
    record Event(UUID sessionId, Instant at, String kind, String byName) {
    }

    Optional<Note> findById(UUID noteId) {
        UUID org = organisation().value();
        return jdbc.sql("select * from note where organisation_id = ? and note_id = ?").params(org, noteId)
                .query((rs, n) -> read(rs)).optional();
    }

    Optional<Note> findBySession(UUID sessionId) {
        UUID org = organisation().value();
        return jdbc.sql("select * from note where organisation_id = ? and session_id = ?").params(org, sessionId)
                .query((rs, n) -> read(rs)).optional();
    }

    Optional<UUID> findIdBySession(UUID sessionId) {
        return jdbc.sql("select note_id from note where organisation_id = ? and session_id = ?")
                .params(organisation().value(), sessionId).query(UUID.class).optional();
    }

    /** Keeps a new note; refused when its session already has one. */
    void insert(Note note) {
        OrganisationId org = organisation();
        int added = jdbc.sql("""
                insert into note (organisation_id, note_id, session_id, relationship_id, client_party_id, template_key,
                                  template_name, body, author_account_id, author_name, written_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, session_id) do nothing""")
                .params(org.value(), note.id(), note.sessionId(), note.relationshipId(), note.clientPartyId(),
                        note.templateKey(), note.templateName(), body(org, note), note.authorAccountId(),
                        note.authorName(), Timestamp.from(note.writtenAt()), note.version())
                .update();
        if (added == 0) throw alreadyHasANote();
    }

    static RuleBroken alreadyHasANote() {
        return new RuleBroken("This session already has a note; open it to change or sign it, or add an addendum once it is signed.");
    }

    /** Saves the note's sections and signature if no one changed it since it was loaded; returns the new version. */
    int update(Note note) {
        OrganisationId org = organisation();
        int changed = jdbc.sql("""
                update note set body = ?, signed_at = ?, signed_by_account_id = ?, signed_by_name = ?, version = version + 1
                where organisation_id = ? and note_id = ? and version = ?""")
                .params(body(org, note), note.signedAt() == null ? null : Timestamp.from(note.signedAt()),
                        note.signedByAccountId(), note.signedByName(), org.value(), note.id(), note.version())
                .update();
        if (changed == 0) throw new OptimisticLockingFailureException("note changed since it was loaded");
        return note.version() + 1;
    }

    /** Adds the note's newest addendum, moving the note's version on so two addenda never take one place. */
    int addAddendum(Note note, Note.StoredAddendum addendum) {
        OrganisationId org = organisation();
        int changed = jdbc.sql("update note set version = version + 1 where organisation_id = ? and note_id = ? and version = ?")
                .params(org.value(), note.id(), note.version()).update();
        if (changed == 0) throw new OptimisticLockingFailureException("note changed since it was loaded");
        int position = note.addenda().size() - 1;
        jdbc.sql("""
                insert into note_addendum (organisation_id, note_id, position, body, by_account_id, by_name, added_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(org.value(), note.id(), position,
                        cipher.encrypt(addendum.text(), org, note.id(), addendumField(position)), addendum.byAccountId(),
                        addendum.byName(), Timestamp.from(addendum.at()))
                .update();
        return note.version() + 1;
    }

    Optional<ProcessNote> processNote(UUID sessionId, UUID authorAccountId) {
        OrganisationId org = organisation();
        return jdbc.sql("""
                select process_note_id, session_id, author_account_id, body, written_at, updated_at from process_note
                where organisation_id = ? and session_id = ? and author_account_id = ?""")
                .params(org.value(), sessionId, authorAccountId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("process_note_id", UUID.class);
                    return new ProcessNote(id, rs.getObject("session_id", UUID.class),
                            rs.getObject("author_account_id", UUID.class),
                            cipher.decrypt(rs.getBytes("body"), org, id, PROCESS_NOTE_BODY),
                            rs.getTimestamp("written_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
                }).optional();
    }

    /** Writes the author's process note on a session, or replaces its text. */
    void saveProcessNote(UUID sessionId, UUID authorAccountId, String text, Instant now) {
        OrganisationId org = organisation();
        UUID existing = jdbc.sql("""
                select process_note_id from process_note
                where organisation_id = ? and session_id = ? and author_account_id = ? for update""")
                .params(org.value(), sessionId, authorAccountId).query(UUID.class).optional().orElse(null);
        if (existing != null) {
            jdbc.sql("update process_note set body = ?, updated_at = ? where organisation_id = ? and process_note_id = ?")
                    .params(cipher.encrypt(text, org, existing, PROCESS_NOTE_BODY), Timestamp.from(now), org.value(), existing)
                    .update();
            return;
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into process_note (organisation_id, process_note_id, session_id, author_account_id, body,
                                          written_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(org.value(), id, sessionId, authorAccountId, cipher.encrypt(text, org, id, PROCESS_NOTE_BODY),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** Signatures and addenda of a relationship's notes, for its timeline: no text is read or decrypted. */
    List<Event> eventsOf(UUID relationshipId) {
        UUID org = organisation().value();
        List<Event> signatures = jdbc.sql("""
                select session_id, signed_at, signed_by_name from note
                where organisation_id = ? and relationship_id = ? and signed_at is not null""")
                .params(org, relationshipId)
                .query((rs, n) -> new Event(rs.getObject("session_id", UUID.class), rs.getTimestamp("signed_at").toInstant(),
                        "signed", rs.getString("signed_by_name")))
                .list();
        List<Event> addenda = jdbc.sql("""
                select n.session_id, a.added_at, a.by_name from note_addendum a
                join note n on n.organisation_id = a.organisation_id and n.note_id = a.note_id
                where n.organisation_id = ? and n.relationship_id = ?""")
                .params(org, relationshipId)
                .query((rs, n) -> new Event(rs.getObject("session_id", UUID.class), rs.getTimestamp("added_at").toInstant(),
                        "addendum", rs.getString("by_name")))
                .list();
        return Stream.concat(signatures.stream(), addenda.stream()).toList();
    }

    private Note read(ResultSet rs) throws SQLException {
        OrganisationId org = organisation();
        UUID id = rs.getObject("note_id", UUID.class);
        List<NoteView.Section> sections = sections(cipher.decrypt(rs.getBytes("body"), org, id, NOTE_BODY));
        List<Note.StoredAddendum> addenda = jdbc.sql("""
                select position, body, by_account_id, by_name, added_at from note_addendum
                where organisation_id = ? and note_id = ? order by position""")
                .params(org.value(), id)
                .query((a, n) -> new Note.StoredAddendum(
                        cipher.decrypt(a.getBytes("body"), org, id, addendumField(a.getInt("position"))),
                        a.getObject("by_account_id", UUID.class), a.getString("by_name"),
                        a.getTimestamp("added_at").toInstant()))
                .list();
        Timestamp signedAt = rs.getTimestamp("signed_at");
        return new Note(id, rs.getObject("session_id", UUID.class), rs.getObject("relationship_id", UUID.class),
                rs.getObject("client_party_id", UUID.class), rs.getString("template_key"), rs.getString("template_name"),
                sections, rs.getObject("author_account_id", UUID.class), rs.getString("author_name"),
                rs.getTimestamp("written_at").toInstant(), signedAt == null ? null : signedAt.toInstant(),
                rs.getObject("signed_by_account_id", UUID.class), rs.getString("signed_by_name"), addenda,
                rs.getInt("version"));
    }

    private byte[] body(OrganisationId org, Note note) {
        return cipher.encrypt(JSON.writeValueAsString(note.sections()), org, note.id(), NOTE_BODY);
    }

    private static List<NoteView.Section> sections(String json) {
        return JSON.readValue(json, SECTIONS);
    }

    static String addendumField(int position) {
        return "addendum." + position + ".body";
    }

    private static OrganisationId organisation() {
        return Tenancy.require();
    }
}

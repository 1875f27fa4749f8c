package org.rapport.notes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.RuleBroken;

/**
 * A session note. Its author writes it to a template and may revise it until they sign it; signing
 * locks it for good. After that it is corrected or added to only by addenda, each keeping who wrote
 * it and when, and the note as signed is kept unchanged beside them.
 */
final class Note {

    static final String LOCKED = "This note is signed, and signed notes are locked; add an addendum to correct or add to it.";

    /** Who does something to a note. */
    record Actor(UUID accountId, String name) {
    }

    /** An addendum as stored, with the account that wrote it. */
    record StoredAddendum(String text, UUID byAccountId, String byName, Instant at) {
        @Override
        public String toString() {
            return "StoredAddendum[by=" + byName + ", at=" + at + "]";
        }
    }

    private final UUID id;
    private final UUID sessionId;
    private final UUID relationshipId;
    private final UUID clientPartyId;
    private final String templateKey;
    private final String templateName;
    private List<NoteView.Section> sections;
    private final UUID authorAccountId;
    private final String authorName;
    private final Instant writtenAt;
    private @Nullable Instant signedAt;
    private @Nullable UUID signedByAccountId;
    private @Nullable String signedByName;
    private final List<StoredAddendum> addenda;
    private final int version;

    Note(UUID id, UUID sessionId, UUID relationshipId, UUID clientPartyId, String templateKey, String templateName,
            List<NoteView.Section> sections, UUID authorAccountId, String authorName, Instant writtenAt,
            @Nullable Instant signedAt, @Nullable UUID signedByAccountId, @Nullable String signedByName,
            List<StoredAddendum> addenda, int version) {
        this.id = id;
        this.sessionId = sessionId;
        this.relationshipId = relationshipId;
        this.clientPartyId = clientPartyId;
        this.templateKey = templateKey;
        this.templateName = templateName;
        this.sections = List.copyOf(sections);
        this.authorAccountId = authorAccountId;
        this.authorName = authorName;
        this.writtenAt = writtenAt;
        this.signedAt = signedAt;
        this.signedByAccountId = signedByAccountId;
        this.signedByName = signedByName;
        this.addenda = new ArrayList<>(addenda);
        this.version = version;
    }

    /** A new, unsigned note for a session, its sections filled to the template. */
    static Note write(UUID sessionId, UUID relationshipId, UUID clientPartyId, NoteTemplate template,
            @Nullable Map<String, String> texts, Actor author, Instant now) {
        return new Note(UUID.randomUUID(), sessionId, relationshipId, clientPartyId, template.key(), template.name(),
                template.fill(texts), author.accountId(), author.name(), now, null, null, null, List.of(), 0);
    }

    /** New texts for the same sections, by the author, while the note is unsigned. */
    void revise(@Nullable Map<String, String> texts, Actor by) {
        if (isSigned()) throw new RuleBroken(LOCKED);
        requireAuthor(by, "change");
        sections = List.copyOf(NoteTemplate.fill(templateName, headings(), texts));
    }

    /** Signs the note, which locks it. Only its author signs it, once. */
    void sign(Actor by, Instant now) {
        if (isSigned()) throw new RuleBroken("This note is already signed.");
        requireAuthor(by, "sign");
        signedAt = now;
        signedByAccountId = by.accountId();
        signedByName = by.name();
    }

    /** Adds a correction or addition to the signed note, keeping the note as it was signed. */
    StoredAddendum addAddendum(@Nullable String text, Actor by, Instant now) {
        if (!isSigned()) {
            throw new RuleBroken("Addenda are for signed notes; until this note is signed, its author changes the note itself.");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new RuleBroken("Write the addendum before adding it.");
        if (text.length() > NoteTemplate.MAX_TEXT) {
            throw new RuleBroken("The addendum is " + text.length() + " characters long; keep it to "
                    + NoteTemplate.MAX_TEXT + " characters.");
        }
        StoredAddendum addendum = new StoredAddendum(t, by.accountId(), by.name(), now);
        addenda.add(addendum);
        return addendum;
    }

    private void requireAuthor(Actor by, String what) {
        if (!authorAccountId.equals(by.accountId())) {
            throw new RuleBroken("Only the note's author, " + authorName + ", can " + what + " it.");
        }
    }

    List<String> headings() {
        return sections.stream().map(NoteView.Section::heading).toList();
    }

    boolean isSigned() {
        return signedAt != null;
    }

    boolean isAuthor(UUID accountId) {
        return authorAccountId.equals(accountId);
    }

    UUID id() { return id; }
    UUID sessionId() { return sessionId; }
    UUID relationshipId() { return relationshipId; }
    UUID clientPartyId() { return clientPartyId; }
    String templateKey() { return templateKey; }
    String templateName() { return templateName; }
    List<NoteView.Section> sections() { return sections; }
    UUID authorAccountId() { return authorAccountId; }
    String authorName() { return authorName; }
    Instant writtenAt() { return writtenAt; }
    @Nullable Instant signedAt() { return signedAt; }
    @Nullable UUID signedByAccountId() { return signedByAccountId; }
    @Nullable String signedByName() { return signedByName; }
    List<StoredAddendum> addenda() { return List.copyOf(addenda); }
    int version() { return version; }

    @Override
    public String toString() {
        return "Note[id=" + id + ", template=" + templateKey + ", signed=" + isSigned() + ", version=" + version + "]";
    }
}

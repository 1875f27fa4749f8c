package org.rapport.followups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.AccountManagement;
import org.rapport.accounts.CurrentUser;
import org.rapport.audit.AuditTrail;
import org.rapport.endings.ReconnectLinks;
import org.rapport.endings.RelationshipClosed;
import org.rapport.measures.AdministrationId;
import org.rapport.measures.InstrumentDefinition;
import org.rapport.measures.MeasureManagement;
import org.rapport.people.ClientParty;
import org.rapport.people.ClientPartyId;
import org.rapport.people.ClientPartyKind;
import org.rapport.people.HelperId;
import org.rapport.people.PeopleDirectory;
import org.rapport.people.PeopleManagement;
import org.rapport.relationships.ContinuedAlready;
import org.rapport.relationships.NewReferral;
import org.rapport.relationships.Referral;
import org.rapport.relationships.RelationshipId;
import org.rapport.relationships.RelationshipInfo;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.relationships.Urgency;
import org.rapport.shared.FreeText;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.SecretTokens;
import org.rapport.shared.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-up check-ins and the way back in.
 *
 * <p>Closing a relationship schedules its follow-ups in the closing transaction, so a refused
 * schedule undoes the closing. {@link #releaseDue()} makes them due on their dates, organisation by
 * organisation, with the day from the injected clock. The former lead helper creates a one-time link
 * (only its hash is kept; it expires after fourteen days and works once); the client answers the
 * short measure from it and says whether they would like to get back in touch. A "yes", or a
 * reconnect link from the ending letter (one year, once), opens a new referral back to the same lead
 * helper that continues the earlier relationship. Every read and change is audited; the client's
 * answers and words never go into the audit detail or a log.
 */
@Service
public class FollowUpManagement implements ReconnectLinks {

    private static final Logger log = LoggerFactory.getLogger(FollowUpManagement.class);

    static final String RECORD = "follow-up";
    static final String RECONNECT = "reconnect";
    static final Duration LINK_LIFETIME = Duration.ofDays(14);
    static final Duration RECONNECT_LIFETIME = Duration.ofDays(366);
    static final int MAX_TOKEN_LENGTH = 100;
    static final int MAX_FOLLOW_UPS = 12;
    static final int MAX_WORDS = 2000;
    static final String SOURCE = "The client asked to get back in touch";
    static final String ALREADY_ASKED = "You have already asked to get back in touch. There is nothing more to do here.";
    static final String NOT_ENDED = "Your work together has not ended, so there is nothing to do here. Get in touch as you usually do.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final FollowUps followUps;
    private final RelationshipManagement relationships;
    private final MeasureManagement measures;
    private final PeopleManagement people;
    private final PeopleDirectory directory;
    private final AuditTrail audit;
    private final TransactionTemplate work;
    private final TransactionTemplate lookup;
    private final Clock clock;

    private final AccountManagement accounts;

    FollowUpManagement(FollowUps followUps, RelationshipManagement relationships, MeasureManagement measures,
            PeopleManagement people, PeopleDirectory directory, AuditTrail audit, PlatformTransactionManager transactions,
            Clock clock, AccountManagement accounts) {
        this.accounts = accounts;
        this.followUps = followUps;
        this.relationships = relationships;
        this.measures = measures;
        this.people = people;
        this.directory = directory;
        this.audit = audit;
        this.work = new TransactionTemplate(transactions);
        this.lookup = new TransactionTemplate(transactions);
        this.lookup.setReadOnly(true);
        this.clock = clock;
    }

    // --- scheduling and release ----------------------------------------------------------------------

    /**
     * Schedules the follow-ups of a relationship that has just closed, in the closing transaction: a
     * schedule with a date not after the ending, a date twice, more than twelve dates or an unknown
     * measure is refused, and the closing with it.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void scheduleOnClosing(RelationshipClosed closed) {
        if (closed.followUpDates().isEmpty()) return;
        RelationshipInfo info = relationships.describeForClientLink(closed.relationship())
                .orElseThrow(() -> new RecordNotFound("relationship"));
        if (!info.clientPartyId().equals(closed.clientPartyId())) throw new RecordNotFound("relationship");
        if (closed.followUpDates().size() > MAX_FOLLOW_UPS)
            throw new RuleBroken("Schedule at most " + MAX_FOLLOW_UPS + " follow-ups; there are " + closed.followUpDates().size() + ".");
        String key = closed.followUpInstrumentKey() == null || closed.followUpInstrumentKey().isBlank() ? null
                : closed.followUpInstrumentKey().strip();
        if (key != null) {
            try {
                measures.instrument(key);
            } catch (RecordNotFound e) {
                throw new RuleBroken("There is no measure with that name for the follow-ups. Choose one from the list.");
            }
        }
        Set<LocalDate> seen = new HashSet<>();
        for (LocalDate day : closed.followUpDates()) {
            if (day == null) throw new RuleBroken("Each follow-up needs its date.");
            if (!day.isAfter(closed.endedOn()))
                throw new RuleBroken("A follow-up falls after the ending: " + DAY.format(day) + " is not after "
                        + DAY.format(closed.endedOn()) + ".");
            if (!seen.add(day)) throw new RuleBroken("Two follow-ups fall on " + DAY.format(day) + ". Give each its own date.");
        }
        Instant now = clock.instant();
        for (LocalDate day : closed.followUpDates()) {
            FollowUpId id = new FollowUpId(UUID.randomUUID());
            followUps.schedule(id, closed.relationship(), closed.clientPartyId(), closed.leadHelperId(), day, key, now);
            audit.changed(RECORD, id.value(), closed.clientPartyId(), "scheduled a follow-up check-in");
        }
    }

    /**
     * Makes the follow-ups whose date has come due, for every organisation, each in its own scope
     * and transaction. Returns how many fell due. Called on a schedule, and directly by tests.
     */
    public int releaseDue() {
        LocalDate today = LocalDate.now(clock);
        List<OrganisationId> organisations = lookup.execute(status -> followUps.organisationsWithFollowUpsDue(today));
        int released = 0;
        for (OrganisationId organisation : organisations == null ? List.<OrganisationId>of() : organisations) {
            try {
                Integer count = Tenancy.callAs(organisation, () -> work.execute(status -> {
                    List<FollowUps.Row> rows = followUps.release(today, clock.instant());
                    rows.forEach(row -> audit.changed(RECORD, row.id().value(), row.clientPartyId(), "a follow-up check-in fell due"));
                    return rows.size();
                }));
                released += count == null ? 0 : count;
            } catch (RuntimeException e) {
                log.warn("Follow-ups of organisation {} could not be released: {}", organisation, e.getClass().getSimpleName());
            }
        }
        return released;
    }

    // --- staff -----------------------------------------------------------------------------------------

    /** A relationship's follow-ups, earliest first. The reading is audited. */
    @Transactional
    public List<FollowUpView> followUpsOf(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECORD, relationship.value(), info.clientPartyId(), "read the follow-ups");
        return followUps.ofRelationship(relationship).stream().map(this::view).toList();
    }

    /** The follow-ups that have fallen due for the helper signed in (as former lead helper), earliest first. Audited. */
    @Transactional
    public List<DueFollowUp> dueForMe() {
        UUID me = CurrentUser.require().helperId();
        if (me == null) return List.of();
        List<FollowUps.Row> rows = followUps.dueFor(me);
        if (rows.isEmpty()) return List.of();
        Map<ClientPartyId, String> names = directory.clientPartyNames(
                rows.stream().map(r -> new ClientPartyId(r.clientPartyId())).collect(Collectors.toSet()));
        List<DueFollowUp> due = new ArrayList<>();
        for (FollowUps.Row row : rows) {
            audit.read(RECORD, row.id().value(), row.clientPartyId(), "listed a follow-up due");
            due.add(new DueFollowUp(row.id(), row.relationship(),
                    names.getOrDefault(new ClientPartyId(row.clientPartyId()), "Unknown"), row.dueOn(), row.status()));
        }
        return due;
    }

    /**
     * Creates the one-time link for the client to answer a follow-up that has fallen due: for those
     * who may change the relationship. Any earlier link of the follow-up stops working. The path, with
     * its secret, is returned only now.
     */
    @Transactional
    public FollowUpLink createLink(FollowUpId followUp) {
        if (followUp == null) throw new RecordNotFound(RECORD);
        FollowUps.Row row = followUps.lock(followUp).orElseThrow(() -> new RecordNotFound(RECORD));
        RelationshipInfo info = relationships.describeForChange(row.relationship());
        if (row.status() == FollowUpStatus.SCHEDULED)
            throw new RuleBroken("This follow-up falls due on " + DAY.format(row.dueOn()) + "; its link can be created from then.");
        if (row.status() == FollowUpStatus.ANSWERED) throw new RuleBroken("This follow-up has been answered; it needs no link.");
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(LINK_LIFETIME);
        followUps.link(followUp, SecretTokens.hash(token), now, expires);
        audit.changed(RECORD, followUp.value(), info.clientPartyId(), "created a link for a follow-up check-in");
        return new FollowUpLink(followUp, row.relationship(), "/f/" + token, expires);
    }

    /** A relationship's ways back in: reconnect links issued and follow-ups answered "yes". The reading is audited. */
    @Transactional
    public List<ReconnectView> reconnectsOf(RelationshipId relationship) {
        RelationshipInfo info = relationships.describe(relationship);
        audit.read(RECONNECT, relationship.value(), info.clientPartyId(), "read the ways back in");
        return followUps.reconnectsOf(relationship).stream()
                .map(r -> new ReconnectView(r.id(), r.relationship(), r.via(), r.issuedAt(), r.expiresAt(), r.askedAt(),
                        r.newRelationship()))
                .toList();
    }

    // --- the client's follow-up link ---------------------------------------------------------------------

    /** What the client sees on opening their follow-up link, with nobody signed in. */
    public FollowUpForm openByLink(String token) {
        return withFollowUpLink(token, (id, organisation) -> {
            FollowUps.Row row = usable(id);
            RelationshipInfo info = relationships.describeForClientLink(row.relationship()).orElseThrow(LinkNotUsable::new);
            InstrumentDefinition instrument = row.instrumentKey() == null ? null : measures.instrument(row.instrumentKey());
            String firstName = firstName(info);
            audit.read(RECORD, id.value(), row.clientPartyId(), "the client opened their follow-up link");
            return new FollowUpForm(firstName, instrument, accounts.organisationSettings().crisisShownToClients());
        });
    }

    /**
     * Takes the client's answers from their follow-up link: the short measure's answers (stored,
     * scored and checked for alerts), whether they would like to get back in touch and, if they like,
     * a few words. A "yes" opens a referral back to the same helper that continues the relationship.
     * All in one transaction; the link is used up. Returns the new relationship, if one was opened.
     */
    public Optional<RelationshipId> answerByLink(String token, Map<String, Integer> answers, @Nullable Boolean wantsContact,
            @Nullable String words) {
        if (wantsContact == null) throw new RuleBroken("Say whether you would like to get back in touch.");
        String said = FreeText.optional(words, "What you would like to say", MAX_WORDS);
        return withFollowUpLink(token, (id, organisation) -> {
            FollowUps.Row row = usable(id);
            RelationshipInfo info = relationships.describeForClientLink(row.relationship()).orElseThrow(LinkNotUsable::new);
            AdministrationId administration = null;
            if (row.instrumentKey() != null) {
                administration = measures.recordFollowUp(row.relationship(), row.instrumentKey(), answers == null ? Map.of() : answers);
            } else if (answers != null && !answers.isEmpty()) {
                throw new RuleBroken("This check-in has no questions to answer.");
            }
            Instant now = clock.instant();
            RelationshipId continued = null;
            if (wantsContact) {
                continued = relationships.openContinuationOf(row.relationship())
                        .orElseGet(() -> referBack(info, said, id.value()));
                followUps.insertReconnect(new ReconnectId(UUID.randomUUID()), row.relationship(), row.clientPartyId(),
                        ReconnectView.Via.FOLLOW_UP, id, now, null, now, continued);
            }
            followUps.answered(id, now, administration == null ? null : administration.value(), wantsContact, continued);
            audit.changed(RECORD, id.value(), row.clientPartyId(), wantsContact
                    ? "the client answered a follow-up check-in and asked to get back in touch"
                    : "the client answered a follow-up check-in");
            return Optional.ofNullable(continued);
        });
    }

    // --- reconnect links ---------------------------------------------------------------------------------

    /**
     * A new reconnect link for a relationship, for its ending letter: works once, for a year. The
     * path, with its secret, is returned only now; only its hash is kept.
     */
    @Override
    @Transactional
    public String issue(RelationshipId relationship) {
        RelationshipInfo info = CurrentUser.find().isPresent() ? relationships.describeForChange(relationship)
                : relationships.describeForClientLink(relationship).orElseThrow(() -> new RecordNotFound("relationship"));
        ReconnectId id = new ReconnectId(UUID.randomUUID());
        Instant now = clock.instant();
        followUps.insertReconnect(id, relationship, info.clientPartyId(), ReconnectView.Via.LINK, null, now,
                now.plus(RECONNECT_LIFETIME), null, null);
        String token = SecretTokens.newToken();
        followUps.linkReconnect(id, SecretTokens.hash(token));
        audit.changed(RECONNECT, id.value(), info.clientPartyId(), "issued a reconnect link");
        return "/reconnect/" + token;
    }

    /**
     * What a former client sees on opening their reconnect link: the name of the helper they worked
     * with. Refused with {@link RuleBroken} (a calm message) when the work has not ended or they have
     * already asked, and with {@link LinkNotUsable} when the link is unknown, used or expired.
     */
    public ReconnectOffer openReconnect(String token) {
        return withReconnectLink(token, (id, organisation) -> {
            FollowUps.ReconnectRow row = usableReconnect(id);
            RelationshipInfo info = mayReconnect(row);
            audit.read(RECONNECT, id.value(), row.clientPartyId(), "the client opened their reconnect link");
            return new ReconnectOffer(helperName(info), accounts.organisationSettings().crisisShownToClients());
        });
    }

    /** The former client confirms they would like to get back in touch: a referral back to the same helper, linked to the earlier work. */
    public RelationshipId confirmReconnect(String token, @Nullable String words) {
        String said = FreeText.optional(words, "What you would like to say", MAX_WORDS);
        return withReconnectLink(token, (id, organisation) -> {
            FollowUps.ReconnectRow row = usableReconnect(id);
            RelationshipInfo info = mayReconnect(row);
            RelationshipId continued = referBack(info, said, id.value());
            followUps.reconnected(id, clock.instant(), continued);
            audit.changed(RECONNECT, id.value(), row.clientPartyId(), "the client asked to get back in touch");
            return continued;
        });
    }

    private RelationshipInfo mayReconnect(FollowUps.ReconnectRow row) {
        RelationshipInfo info = relationships.describeForClientLink(row.relationship()).orElseThrow(LinkNotUsable::new);
        if (info.isOpen()) throw new RuleBroken(NOT_ENDED);
        if (relationships.openContinuationOf(row.relationship()).isPresent()) throw new RuleBroken(ALREADY_ASKED);
        return info;
    }

    private RelationshipId referBack(RelationshipInfo earlier, @Nullable String words, UUID submission) {
        String reason = words == null ? "Asked to get back in touch after the work ended." : words;
        return relationships.refer(new NewReferral(null, new ClientPartyId(earlier.clientPartyId()),
                new Referral(SOURCE, reason, LocalDate.now(clock), Urgency.ROUTINE), new HelperId(earlier.leadHelperId()),
                null, List.of(), earlier.processModelKey(), submission, earlier.id()));
    }

    // --- links: finding the organisation with none in scope ----------------------------------------------

    /** Finds the link's organisation with none in scope, then does the work as the client in a transaction within it. */
    private <T> T withFollowUpLink(String token, BiFunction<FollowUpId, OrganisationId, T> task) {
        Optional<Map.Entry<OrganisationId, FollowUpId>> link = find(token, followUps::linkOf);
        OrganisationId organisation = link.get().getKey();
        FollowUpId id = link.get().getValue();
        try {
            return onceMoreIfContinuedMeanwhile(() -> asClient(organisation, () -> task.apply(id, organisation)));
        } catch (Expired e) {
            Tenancy.runAs(organisation, () -> work.executeWithoutResult(status -> followUps.linkExpired(id)));
            throw new LinkNotUsable();
        }
    }

    private <T> T withReconnectLink(String token, BiFunction<ReconnectId, OrganisationId, T> task) {
        Optional<Map.Entry<OrganisationId, ReconnectId>> link = find(token, followUps::reconnectLinkOf);
        OrganisationId organisation = link.get().getKey();
        ReconnectId id = link.get().getValue();
        try {
            return onceMoreIfContinuedMeanwhile(() -> asClient(organisation, () -> task.apply(id, organisation)));
        } catch (ContinuedAlready e) {
            throw new RuleBroken(ALREADY_ASKED);
        } catch (Expired e) {
            Tenancy.runAs(organisation, () -> work.executeWithoutResult(status -> followUps.unlinkReconnect(id)));
            throw new LinkNotUsable();
        }
    }

    private <K> Optional<Map.Entry<OrganisationId, K>> find(@Nullable String token,
            java.util.function.Function<String, Optional<Map.Entry<OrganisationId, K>>> lookupOf) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) throw new LinkNotUsable();
        String hash = SecretTokens.hash(token);
        Optional<Map.Entry<OrganisationId, K>> link = lookup.execute(status -> lookupOf.apply(hash));
        if (link == null || link.isEmpty()) throw new LinkNotUsable();
        if (Tenancy.current().isPresent() && !Tenancy.current().get().equals(link.get().getKey())) throw new LinkNotUsable();
        return link;
    }

    /**
     * Does the client's work; when another request opened a continuation of the same relationship at
     * the same moment (the database refused the second, spoiling this transaction), does it once more
     * in a new transaction, which then finds that continuation: a "yes" is linked to it, and a
     * reconnect link answers that the client has already asked.
     */
    private static <T> T onceMoreIfContinuedMeanwhile(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ContinuedAlready e) {
            return work.get();
        }
    }

    /** The client's work, in their organisation and one transaction, with nobody signed in (a helper's session on the same browser is set aside). */
    private <T> T asClient(OrganisationId organisation, java.util.function.Supplier<T> task) {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return Tenancy.callAs(organisation, () -> work.execute(status -> task.get()));
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    /** A follow-up's link, inside the work: locked, waiting for an answer and not expired. */
    private FollowUps.Row usable(FollowUpId id) {
        FollowUps.Row row = followUps.lock(id).orElseThrow(LinkNotUsable::new);
        if (row.status() != FollowUpStatus.LINK_SENT) throw new LinkNotUsable();
        if (row.linkExpiresAt() == null || !clock.instant().isBefore(row.linkExpiresAt())) throw new Expired();
        return row;
    }

    private FollowUps.ReconnectRow usableReconnect(ReconnectId id) {
        FollowUps.ReconnectRow row = followUps.lockReconnect(id).orElseThrow(LinkNotUsable::new);
        if (row.askedAt() != null) throw new LinkNotUsable();
        if (row.expiresAt() == null || !clock.instant().isBefore(row.expiresAt())) throw new Expired();
        return row;
    }

    /** A link found past its expiry, inside the work; turned into {@link LinkNotUsable} once the work has rolled back. */
    private static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super(null, null, false, false);
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private FollowUpView view(FollowUps.Row row) {
        String name = null;
        if (row.instrumentKey() != null) {
            try {
                name = measures.instrument(row.instrumentKey()).name();
            } catch (RecordNotFound e) {
                name = row.instrumentKey();
            }
        }
        return new FollowUpView(row.id(), row.relationship(), row.dueOn(), row.instrumentKey(), name, row.status(),
                row.linkExpiresAt(), row.answeredAt(), row.wantsContact(), row.newRelationship(), row.version());
    }

    /** The client's first name only: the first word of the member's name for a person, of the party's name otherwise. */
    private String firstName(RelationshipInfo info) {
        ClientParty party = people.clientParty(new ClientPartyId(info.clientPartyId()));
        String name = party.kind() == ClientPartyKind.PERSON && !party.members().isEmpty()
                ? party.members().get(0).name() : party.name();
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private String helperName(RelationshipInfo info) {
        HelperId lead = new HelperId(info.leadHelperId());
        return directory.helperNames(List.of(lead)).getOrDefault(lead, "the helper you worked with");
    }
}

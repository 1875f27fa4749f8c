package org.rapport.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.rapport.accounts.CurrentUser;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every instrument an organisation can give: the ones that ship with Rapport, then the
 * organisation's own, which it loads because it holds a licence for them (WAI-SR, ORS and SRS, for
 * example).
 *
 * <p>An organisation adds its own instrument as YAML text in the format of
 * {@code instruments/FORMAT.md}, checked exactly as the shipped ones are. The text is kept as given
 * and read again on the way out. Own instruments are never changed or removed once added, because
 * administrations and scores name them by key; that also makes it safe to keep parsed definitions
 * in memory.
 *
 * <p>Own instruments belong to the organisation in scope ({@link Tenancy}); with no organisation in
 * scope only the shipped instruments are offered.
 */
@Service
public class InstrumentCatalogue {

    private static final Comparator<InstrumentDefinition> BY_NAME = Comparator
            .comparing(InstrumentDefinition::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(InstrumentDefinition::key);

    /** Keys that name pages under {@code /admin/instruments}. */
    private static final Set<String> RESERVED_KEYS = Set.of("new", "example");

    private final ShippedInstruments shipped;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConcurrentMap<StoredKey, Parsed> parsed = new ConcurrentHashMap<>();

    InstrumentCatalogue(ShippedInstruments shipped, JdbcClient jdbc, Clock clock) {
        this.shipped = shipped;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The shipped instruments in the order they are offered, then the organisation's own by name. */
    @Transactional(readOnly = true)
    public List<InstrumentDefinition> all() {
        List<InstrumentDefinition> own = Tenancy.current().map(this::own).orElse(List.of());
        return Stream.concat(shipped.all().stream(), own.stream().sorted(BY_NAME)).toList();
    }

    /** A shipped instrument, or one of the organisation's own, by its key. */
    @Transactional(readOnly = true)
    public Optional<InstrumentDefinition> find(@Nullable String key) {
        if (key == null || key.isBlank()) return Optional.empty();
        Optional<InstrumentDefinition> fromShipped = shipped.find(key);
        if (fromShipped.isPresent()) return fromShipped;
        return Tenancy.current().flatMap(organisation -> jdbc.sql("""
                select instrument_key, definition from own_instrument where organisation_id = ? and instrument_key = ?""")
                .params(organisation.value(), key)
                .query((rs, n) -> read(organisation, rs.getString("instrument_key"), rs.getString("definition")))
                .optional());
    }

    /** Whether the instrument ships with Rapport rather than being one of the organisation's own. */
    public boolean isShipped(InstrumentDefinition instrument) {
        return shipped.find(instrument.key()).isPresent();
    }

    /**
     * Adds one of the organisation's own instruments, keeping its text as given. Only an
     * organisation admin adds instruments.
     *
     * @throws InvalidInstrument listing every problem in the text by line and field
     * @throws RuleBroken when a shipped or an own instrument already uses the key
     */
    @Transactional
    public InstrumentDefinition addOwn(String yamlText) {
        CurrentUser user = CurrentUser.require();
        if (!user.isAdmin()) throw new AccessDeniedException("only an organisation admin adds instruments");
        OrganisationId organisation = Tenancy.require();
        InstrumentDefinition instrument = InstrumentFormat.parse(yamlText == null ? "" : yamlText);
        if (shipped.find(instrument.key()).isPresent()) throw keyTaken(instrument.key(), true);
        if (RESERVED_KEYS.contains(instrument.key()))
            throw new RuleBroken("The key '" + instrument.key() + "' is kept for Rapport's own use; choose another key.");
        UUID addedBy = user.accountId().value();
        int added = jdbc.sql("""
                insert into own_instrument (organisation_id, instrument_key, name, definition, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, instrument_key) do nothing""")
                .params(organisation.value(), instrument.key(), instrument.name(), yamlText,
                        Timestamp.from(clock.instant()), addedBy)
                .update();
        if (added == 0) throw keyTaken(instrument.key(), false);
        return instrument;
    }

    private List<InstrumentDefinition> own(OrganisationId organisation) {
        return jdbc.sql("select instrument_key, definition from own_instrument where organisation_id = ?")
                .param(organisation.value())
                .query((rs, n) -> read(organisation, rs.getString("instrument_key"), rs.getString("definition")))
                .list();
    }

    private InstrumentDefinition read(OrganisationId organisation, String key, String definition) {
        var storedKey = new StoredKey(organisation, key);
        Parsed cached = parsed.get(storedKey);
        // Compared with the stored text, so a cached definition can never stand in for a different one.
        if (cached != null && cached.definition().equals(definition)) return cached.instrument();
        InstrumentDefinition instrument;
        try {
            instrument = InstrumentFormat.parse(definition);
        } catch (InvalidInstrument e) {
            // Rapport must always be able to read an instrument it once accepted; a change to the format broke that.
            throw new IllegalStateException("The stored instrument '" + key + "' no longer reads: " + e.getMessage(), e);
        }
        parsed.put(storedKey, new Parsed(definition, instrument));
        return instrument;
    }

    private static RuleBroken keyTaken(String key, boolean shipped) {
        return new RuleBroken((shipped ? "An instrument that ships with Rapport" : "Your organisation already has an instrument")
                + " with the key '" + key + "'; choose another key.");
    }

    private record StoredKey(OrganisationId organisation, String key) {
    }

    private record Parsed(String definition, InstrumentDefinition instrument) {
    }
}

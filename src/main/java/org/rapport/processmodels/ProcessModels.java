package org.rapport.processmodels;

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
 * The catalogue of process models a relationship can follow: the five built-in models, then the
 * organisation's own.
 *
 * <p>An organisation adds its own model as YAML text (see {@code processmodels/FORMAT.md}). The text
 * is kept exactly as given, so what Rapport shows is what the organisation wrote, and it is read
 * again on the way out. Own models are never changed or removed once added, because relationships
 * follow them phase by phase; an organisation that wants a different model adds one with a new key.
 * That also makes it safe to keep parsed models in memory.
 *
 * <p>Own models belong to the organisation in scope ({@link Tenancy}); with no organisation in scope
 * only the built-in models are offered.
 */
@Service
public class ProcessModels {

    private static final Comparator<ProcessModel> BY_NAME = Comparator
            .comparing(ProcessModel::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ProcessModel::key);

    private static final Set<String> RESERVED_KEYS = Set.of("new", "default");

    private final BuiltInProcessModels builtIns;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProcessModelFormat format = new ProcessModelFormat();
    private final ConcurrentMap<StoredKey, Parsed> parsed = new ConcurrentHashMap<>();

    ProcessModels(BuiltInProcessModels builtIns, JdbcClient jdbc, Clock clock) {
        this.builtIns = builtIns;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every model the organisation in scope can choose from: the built-ins, then its own, each sorted by name. */
    @Transactional(readOnly = true)
    public List<ProcessModel> available() {
        List<ProcessModel> own = Tenancy.current().map(this::own).orElse(List.of());
        return Stream.concat(builtIns.all().stream().sorted(BY_NAME), own.stream().sorted(BY_NAME)).toList();
    }

    /** A built-in model, or one of the organisation's own, by its key. */
    @Transactional(readOnly = true)
    public Optional<ProcessModel> find(String key) {
        Optional<ProcessModel> builtIn = builtIns.find(key);
        if (builtIn.isPresent()) return builtIn;
        return Tenancy.current().flatMap(organisation -> jdbc.sql("""
                select model_key, definition from process_model where organisation_id = ? and model_key = ?""")
                .params(organisation.value(), key)
                .query((rs, n) -> read(organisation, rs.getString("model_key"), rs.getString("definition")))
                .optional());
    }

    /** The model a referral follows unless another is chosen: the organisation's choice, else the five-stage model. */
    public static final String BUILT_IN_DEFAULT = "five-stage";

    /** The key of the organisation's default model, for referral forms and a referral sent without one. */
    @Transactional(readOnly = true)
    public String defaultKey() {
        return Tenancy.current().flatMap(organisation -> jdbc.sql("select model_key from default_process_model")
                .query(String.class).optional()).orElse(BUILT_IN_DEFAULT);
    }

    /**
     * Makes a model the organisation's default for new referrals; an admin's choice.
     *
     * @throws RuleBroken when there is no such model
     */
    @Transactional
    public ProcessModel chooseDefault(String key) {
        CurrentUser admin = CurrentUser.require();
        if (!admin.isAdmin()) throw new AccessDeniedException("only an organisation admin may choose the default model");
        ProcessModel model = find(key == null ? "" : key.strip())
                .orElseThrow(() -> new RuleBroken("There is no process model '" + key + "' to make the default."));
        jdbc.sql("""
                insert into default_process_model (model_key, chosen_at) values (?, ?)
                on conflict (organisation_id) do update set model_key = excluded.model_key, chosen_at = excluded.chosen_at""")
                .params(model.key(), Timestamp.from(clock.instant())).update();
        return model;
    }

    /**
     * Adds one of the organisation's own models, keeping its text as given.
     *
     * @throws InvalidProcessModel listing every problem in the text, when it is not a valid model
     * @throws RuleBroken when a built-in or an own model already uses the key
     */
    @Transactional
    public ProcessModel addOwn(String yamlText) {
        OrganisationId organisation = Tenancy.require();
        ProcessModel model = format.parse(yamlText, false);
        if (builtIns.find(model.key()).isPresent()) throw keyTaken(model.key());
        // A model's key is part of its address in Rapport, where 'new' already names the page that adds one.
        if (RESERVED_KEYS.contains(model.key()))
            throw new RuleBroken("The key '" + model.key() + "' is kept for Rapport's own use; choose another key.");
        @Nullable UUID addedBy = CurrentUser.find().map(user -> user.accountId().value()).orElse(null);
        int added = jdbc.sql("""
                insert into process_model (organisation_id, model_key, name, definition, created_at, created_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (organisation_id, model_key) do nothing""")
                .params(organisation.value(), model.key(), model.name(), yamlText, Timestamp.from(clock.instant()),
                        addedBy)
                .update();
        if (added == 0) throw keyTaken(model.key());
        return model;
    }

    private List<ProcessModel> own(OrganisationId organisation) {
        return jdbc.sql("select model_key, definition from process_model where organisation_id = ?")
                .param(organisation.value())
                .query((rs, n) -> read(organisation, rs.getString("model_key"), rs.getString("definition")))
                .list();
    }

    private ProcessModel read(OrganisationId organisation, String key, String definition) {
        var storedKey = new StoredKey(organisation, key);
        Parsed cached = parsed.get(storedKey);
        // Compared with the stored text, so a cached model can never stand in for a different one.
        if (cached != null && cached.definition().equals(definition)) return cached.model();
        ProcessModel model;
        try {
            model = format.parse(definition, false);
        } catch (InvalidProcessModel e) {
            // Rapport must always be able to read a model it once accepted; a change to the format broke that.
            throw new IllegalStateException("The stored process model '" + key + "' no longer reads: " + e.getMessage(), e);
        }
        parsed.put(storedKey, new Parsed(definition, model));
        return model;
    }

    private static RuleBroken keyTaken(String key) {
        return new RuleBroken("A model with the key '" + key + "' already exists; choose another key.");
    }

    private record StoredKey(OrganisationId organisation, String key) {
    }

    private record Parsed(String definition, ProcessModel model) {
    }
}

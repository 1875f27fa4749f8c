package org.rapport.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The note templates an organisation can write to: the four built-ins, then its own, by name. */
@Repository
class NoteTemplates {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoteTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<NoteTemplate> all() {
        List<NoteTemplate> all = new ArrayList<>(NoteTemplate.BUILT_IN);
        own().stream().sorted(Comparator.comparing(NoteTemplate::name, String.CASE_INSENSITIVE_ORDER)).forEach(all::add);
        return all;
    }

    Optional<NoteTemplate> find(String key) {
        Optional<NoteTemplate> builtIn = NoteTemplate.builtIn(key);
        if (builtIn.isPresent()) return builtIn;
        return own().stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** Keeps an organisation's own template; refused when its key is taken. */
    void add(NoteTemplate template, @Nullable UUID addedBy) {
        OrganisationId organisation = Tenancy.require();
        int added = jdbc.sql("""
                insert into note_template (organisation_id, template_key, name, created_at, created_by)
                values (?, ?, ?, ?, ?) on conflict (organisation_id, template_key) do nothing""")
                .params(organisation.value(), template.key(), template.name(), Timestamp.from(clock.instant()), addedBy)
                .update();
        if (added == 0) throw new RuleBroken("A template with the key '" + template.key() + "' already exists; choose another key.");
        for (int i = 0; i < template.sections().size(); i++) {
            jdbc.sql("insert into note_template_section (organisation_id, template_key, position, heading) values (?, ?, ?, ?)")
                    .params(organisation.value(), template.key(), i, template.sections().get(i)).update();
        }
    }

    private List<NoteTemplate> own() {
        Optional<OrganisationId> organisation = Tenancy.current();
        if (organisation.isEmpty()) return List.of();
        UUID org = organisation.get().value();
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select template_key, name from note_template where organisation_id = ? order by template_key")
                .param(org).query(rs -> {
                    names.put(rs.getString("template_key"), rs.getString("name"));
                });
        Map<String, List<String>> sections = new LinkedHashMap<>();
        jdbc.sql("""
                select template_key, heading from note_template_section where organisation_id = ?
                order by template_key, position""")
                .param(org).query(rs -> {
                    sections.computeIfAbsent(rs.getString("template_key"), k -> new ArrayList<>()).add(rs.getString("heading"));
                });
        return names.entrySet().stream()
                .map(e -> new NoteTemplate(e.getKey(), e.getValue(), sections.getOrDefault(e.getKey(), List.of()), false))
                .toList();
    }
}

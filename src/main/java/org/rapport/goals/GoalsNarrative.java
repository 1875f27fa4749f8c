package org.rapport.goals;

import java.util.List;
import org.rapport.accounts.AccountManagement;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeStore;
import org.rapport.protection.SealedTexts;
import org.rapport.shared.OrganisationId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Goals and concerns seal their texts in their {@code narrative} column, bound to the organisation,
 * the goal or concern, and {@link #GOAL} or {@link #CONCERN}: the goal in the client's words, its
 * five levels, its steps and the reasons for its status changes; the concern's description. A row
 * an earlier version wrote in the clear is loaded and saved sealed by the start-up conversion.
 */
@Configuration(proxyBeanMethods = false)
class GoalsNarrative {

    static final String GOAL = "goal";
    static final String CONCERN = "concern";
    static final List<EncryptedColumns.Column> COLUMNS = List.of(
            new EncryptedColumns.Column("goal", "goal_id", null, "narrative", position -> GOAL),
            new EncryptedColumns.Column("concern", "concern_id", null, "narrative", position -> CONCERN));

    @Bean
    SealedTexts<Goal> goalTexts() {
        return new SealedTexts<>(Goal.class, GOAL, g -> new OrganisationId(g.organisationId()), g -> g.id().value(),
                Goal::texts, Goal::narrative, Goal::seal, Goal::open);
    }

    @Bean
    SealedTexts<Concern> concernTexts() {
        return new SealedTexts<>(Concern.class, CONCERN, c -> new OrganisationId(c.organisationId()), c -> c.id().value(),
                Concern::texts, Concern::narrative, Concern::seal, Concern::open);
    }

    /** Concerns first, then goals, each loaded with its clear texts and saved sealed. */
    @Bean
    NarrativeStore goalsNarrativeStore(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<Goals> goals, ObjectProvider<Concerns> concerns) {
        EncryptedColumns columns = new EncryptedColumns(jdbc, transactions, COLUMNS);
        return NarrativeStore.of("Goals, their levels and steps, and concerns", accounts::organisationsWithAccounts, columns,
                (organisations, cipher, max) -> {
                    int done = columns.resaveClear(organisations, "concern", "concern_id", List.of("description"), max,
                            id -> concerns.getObject().findById(id).ifPresent(concerns.getObject()::save));
                    return done + columns.resaveClear(organisations, "goal", "goal_id", List.of("statement",
                            "level_minus_two", "level_minus_one", "level_zero", "level_plus_one", "level_plus_two"),
                            max - done, id -> goals.getObject().findById(id).ifPresent(goals.getObject()::save));
                });
    }
}

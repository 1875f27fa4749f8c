package org.rapport.relationships;

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
 * The relationship's texts sealed as one document in {@code relationship.narrative}, bound to the
 * organisation, the relationship and {@link #FIELD}: the referral reason, why each status change and
 * phase move was made, the working agreement's revisions and the handover notes. A relationship an
 * earlier version wrote in the clear is loaded and saved sealed by the start-up conversion.
 */
@Configuration(proxyBeanMethods = false)
class RelationshipsNarrative {

    static final String FIELD = "relationship";
    static final List<EncryptedColumns.Column> COLUMNS = List.of(
            new EncryptedColumns.Column("relationship", "relationship_id", null, "narrative", position -> FIELD));

    @Bean
    SealedTexts<Relationship> relationshipTexts() {
        return new SealedTexts<>(Relationship.class, FIELD, r -> new OrganisationId(r.organisationId()), r -> r.id().value(),
                Relationship::texts, Relationship::narrative, Relationship::seal, Relationship::open);
    }

    @Bean
    NarrativeStore relationshipsNarrativeStore(AccountManagement accounts, JdbcClient jdbc,
            PlatformTransactionManager transactions, ObjectProvider<Relationships> relationships) {
        EncryptedColumns columns = new EncryptedColumns(jdbc, transactions, COLUMNS);
        return NarrativeStore.of("Relationships: referral reasons, agreements, handover notes and the reasons for each move",
                accounts::organisationsWithAccounts, columns,
                (organisations, cipher, max) -> columns.resaveClear(organisations, "relationship", "relationship_id",
                        List.of("referral_reason"), max,
                        id -> relationships.getObject().findById(id).ifPresent(r -> relationships.getObject().save(r))));
    }
}

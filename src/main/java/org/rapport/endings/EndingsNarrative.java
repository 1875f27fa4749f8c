package org.rapport.endings;

import java.util.List;
import org.rapport.accounts.AccountManagement;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The texts of endings, for re-encryption under a new primary key and the start-up conversion. */
@Configuration(proxyBeanMethods = false)
class EndingsNarrative {

    static final List<EncryptedColumns.Column> COLUMNS = List.of(
            EncryptedColumns.Column.sealing("ending", "relationship_id", "narrative", Endings.NARRATIVE_FIELD, Endings.TEXTS));

    @Bean
    NarrativeStore endingsNarrativeStore(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return NarrativeStore.of("Endings: gains, the client's words, confidence plans and closing notes",
                accounts::organisationsWithAccounts, new EncryptedColumns(jdbc, transactions, COLUMNS));
    }
}

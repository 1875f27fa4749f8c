package org.rapport.alerts;

import java.util.List;
import org.rapport.accounts.AccountManagement;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** What was done about each alert, for re-encryption under a new primary key and the start-up conversion. */
@Configuration(proxyBeanMethods = false)
class AlertsNarrative {

    static final List<EncryptedColumns.Column> COLUMNS = List.of(
            EncryptedColumns.Column.sealing("alert", "alert_id", "narrative", Alerts.NARRATIVE_FIELD, Alerts.WHAT_WAS_DONE));

    @Bean
    NarrativeStore alertsNarrativeStore(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return NarrativeStore.of("What was done about alerts", accounts::organisationsWithAccounts,
                new EncryptedColumns(jdbc, transactions, COLUMNS));
    }
}

package org.rapport.accounts;

import java.util.List;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The second factors' shared secrets, encrypted like narrative, for re-encryption under a new primary key. */
@Configuration(proxyBeanMethods = false)
class SecondFactorSecrets {

    @Bean
    NarrativeStore secondFactorSecretsStore(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return NarrativeStore.of("Second-factor secrets", accounts::organisationsWithAccounts, new EncryptedColumns(jdbc,
                transactions, List.of(new EncryptedColumns.Column("second_factor", "account_id", null, "secret",
                        position -> SecondFactors.SECRET_FIELD))));
    }
}

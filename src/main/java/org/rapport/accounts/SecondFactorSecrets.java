package org.rapport.accounts;

import java.util.List;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeCipher;
import org.rapport.protection.NarrativeStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** The second factors' shared secrets, encrypted like narrative, for re-encryption under a new primary key. */
@Component
class SecondFactorSecrets implements NarrativeStore {

    private final AccountManagement accounts;
    private final EncryptedColumns columns;

    SecondFactorSecrets(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.columns = new EncryptedColumns(jdbc, transactions, List.of(new EncryptedColumns.Column("second_factor",
                "account_id", null, "secret", position -> SecondFactors.SECRET_FIELD)));
    }

    @Override
    public String what() {
        return "Second-factor secrets";
    }

    @Override
    public Count count(byte[] primaryPrefix) {
        return columns.count(accounts.organisationsWithAccounts(), primaryPrefix);
    }

    @Override
    public int rewrap(NarrativeCipher cipher, byte[] primaryPrefix, int max) {
        return columns.rewrap(accounts.organisationsWithAccounts(), cipher, primaryPrefix, max);
    }
}

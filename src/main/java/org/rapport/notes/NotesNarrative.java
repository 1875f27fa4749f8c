package org.rapport.notes;

import java.util.List;
import org.rapport.accounts.AccountManagement;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeCipher;
import org.rapport.protection.NarrativeStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Session notes, their addenda and process notes, for re-encryption under a new primary key. */
@Component
class NotesNarrative implements NarrativeStore {

    private final AccountManagement accounts;
    private final EncryptedColumns columns;

    NotesNarrative(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.columns = new EncryptedColumns(jdbc, transactions, List.of(
                new EncryptedColumns.Column("note", "note_id", null, "body", position -> Notes.NOTE_BODY),
                new EncryptedColumns.Column("note_addendum", "note_id", "position", "body", Notes::addendumField),
                new EncryptedColumns.Column("process_note", "process_note_id", null, "body",
                        position -> Notes.PROCESS_NOTE_BODY)));
    }

    @Override
    public String what() {
        return "Session notes, addenda and process notes";
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

package org.rapport.notes;

import java.util.List;
import org.rapport.accounts.AccountManagement;
import org.rapport.protection.EncryptedColumns;
import org.rapport.protection.NarrativeStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Session notes, their addenda and process notes, for re-encryption under a new primary key. */
@Configuration(proxyBeanMethods = false)
class NotesNarrative {

    static final List<EncryptedColumns.Column> COLUMNS = List.of(
            new EncryptedColumns.Column("note", "note_id", null, "body", position -> Notes.NOTE_BODY),
            new EncryptedColumns.Column("note_addendum", "note_id", "position", "body", Notes::addendumField),
            new EncryptedColumns.Column("process_note", "process_note_id", null, "body", position -> Notes.PROCESS_NOTE_BODY));

    @Bean
    NarrativeStore notesNarrativeStore(AccountManagement accounts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return NarrativeStore.of("Session notes, addenda and process notes", accounts::organisationsWithAccounts,
                new EncryptedColumns(jdbc, transactions, COLUMNS));
    }
}

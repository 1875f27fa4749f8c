package org.rapport.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means PostgreSQL could not be reached (stopped, restarting, unreachable), as
 * opposed to a fault in the work itself. Such a failure is answered with 503 and a promise that
 * nothing was stored: the transaction it broke was rolled back, or never began.
 */
public final class DatabaseUnavailable {

    public static final String TITLE = "Database not reachable";
    public static final String DETAIL = "The database is not reachable; nothing was stored. Try again in a minute.";
    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnavailable() {
    }

    /** True when this failure, or one of its causes, is the database being out of reach. */
    public static boolean causedBy(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unreachable(sql.getSQLState())) return true;
        }
        return false;
    }

    /** Class 08 is a connection exception; 57P01-57P03 are the server shutting down, crashing or starting. */
    private static boolean unreachable(@Nullable String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}

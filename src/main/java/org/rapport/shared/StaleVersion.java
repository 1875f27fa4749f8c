package org.rapport.shared;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A change carried a version that is not the record's current one: it changed after it was loaded,
 * or the version came from another record. Says which record's version is wanted, which was sent
 * and which is current, so a caller holding the wrong one can tell.
 */
public class StaleVersion extends OptimisticLockingFailureException {

    private static final long serialVersionUID = 1L;

    private final String record;
    private final int sent;
    private final int current;
    private final String whereToRead;

    /**
     * @param record      the record whose version is wanted, as a person says it ("the ending")
     * @param whereToRead where that version is read ("the version of GET /api/relationships/{id}/ending")
     */
    public StaleVersion(String record, int sent, int current, String whereToRead) {
        super(record + " is at version " + current + ", not " + sent);
        this.record = record;
        this.sent = sent;
        this.current = current;
        this.whereToRead = whereToRead;
    }

    public int current() {
        return current;
    }

    /** The answer to give: which record, which versions, and where the right one is read. */
    public String detail() {
        String upper = Character.toUpperCase(record.charAt(0)) + record.substring(1);
        return upper + " is at version " + current + "; the request carried version " + sent + ". Either it changed "
                + "after you loaded it, or the version came from another record: this change takes " + whereToRead
                + ". Load it again, then make your change.";
    }
}

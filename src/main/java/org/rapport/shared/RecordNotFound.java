package org.rapport.shared;

/**
 * No record with this id is visible to the person asking. Deliberately the same answer whether
 * the record does not exist, belongs to another organisation, or is outside the person's
 * caseload, so an id reveals nothing.
 */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String what) {
        super("No " + what + " with that id is available to you.");
    }
}

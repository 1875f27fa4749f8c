package org.rapport.people;

import java.time.LocalDate;

/** A person joining a client party, and the day they joined. */
public record NewClientMember(String name, LocalDate joinedOn) {
}

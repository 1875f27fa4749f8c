package org.rapport.goals;

import java.util.UUID;

/** Who did something to a goal: their account and their name as it is shown. */
record Actor(UUID accountId, String name) {
}

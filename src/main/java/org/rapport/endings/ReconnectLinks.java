package org.rapport.endings;

import org.rapport.relationships.RelationshipId;

/**
 * Issues the link a former client can use to ask to get back in touch. Endings calls it once, when
 * the relationship closes, and keeps the link in the ending letter; only a hash of its secret is
 * kept by whoever issues it.
 */
public interface ReconnectLinks {

    /** A new reconnect link for a closed relationship, as a path such as {@code /reconnect/abc…}. */
    String issue(RelationshipId relationship);
}

package org.rapport.relationships;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A helper who is a party to the relationship; one of them leads. */
@Table("relationship_helper")
record HelperOnRelationship(UUID helperId, boolean lead) {
}

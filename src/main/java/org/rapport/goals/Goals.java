package org.rapport.goals;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** The goals of the organisation in scope (row-level security keeps the others out of reach). */
interface Goals extends CrudRepository<Goal, UUID> {

    List<Goal> findByRelationshipId(UUID relationshipId);
}

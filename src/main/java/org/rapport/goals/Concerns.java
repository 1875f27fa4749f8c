package org.rapport.goals;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** The concerns of the organisation in scope. */
interface Concerns extends CrudRepository<Concern, UUID> {

    List<Concern> findByRelationshipId(UUID relationshipId);
}

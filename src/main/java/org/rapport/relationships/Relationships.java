package org.rapport.relationships;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The relationships of the organisation in scope (row-level security keeps the others out of reach). */
interface Relationships extends CrudRepository<Relationship, UUID> {

    @Query("select count(*) from relationship where status <> 'ENDED'")
    long countOpen();

    Optional<Relationship> findBySubmissionId(UUID submissionId);

    List<Relationship> findByClientPartyId(UUID clientPartyId);

    List<Relationship> findByContinuesFrom(UUID continuesFrom);
}

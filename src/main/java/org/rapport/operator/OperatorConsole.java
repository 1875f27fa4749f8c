package org.rapport.operator;

import java.util.List;
import org.rapport.accounts.HostedOrganisation;
import org.rapport.accounts.Operators;
import org.rapport.people.PeopleCounts;
import org.rapport.people.PeopleDirectory;
import org.rapport.relationships.RelationshipManagement;
import org.rapport.shared.OrganisationId;
import org.rapport.shared.Tenancy;
import org.springframework.stereotype.Service;

/**
 * What an operator sees of the organisations on this Rapport. The accounts module checks that an
 * operator is signed in and audits the look once; the counts are then asked for with each
 * organisation in scope in turn, so row-level security still keeps every other one out of reach.
 */
@Service
public class OperatorConsole {

    private final Operators operators;
    private final PeopleDirectory people;
    private final RelationshipManagement relationships;

    OperatorConsole(Operators operators, PeopleDirectory people, RelationshipManagement relationships) {
        this.operators = operators;
        this.people = people;
        this.relationships = relationships;
    }

    /** Every organisation, in the order they were opened, with its counts. */
    public List<OrganisationOverview> organisations() {
        return operators.organisations().stream().map(this::withCounts).toList();
    }

    /** One organisation with its counts. */
    public OrganisationOverview organisation(OrganisationId id) {
        return withCounts(operators.organisation(id));
    }

    private OrganisationOverview withCounts(HostedOrganisation hosted) {
        return Tenancy.callAs(hosted.id(), () -> {
            PeopleCounts counts = people.counts();
            return OrganisationOverview.of(hosted, counts.activeHelpers(), counts.clientParties(),
                    relationships.openRelationshipCount());
        });
    }
}

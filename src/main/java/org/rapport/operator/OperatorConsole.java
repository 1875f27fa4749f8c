package org.rapport.operator;

import java.util.List;
import org.rapport.accounts.CurrentOperator;
import org.rapport.accounts.HostedOrganisation;
import org.rapport.accounts.Operators;
import org.rapport.people.PeopleCounts;
import org.rapport.people.PeopleDirectory;
import org.rapport.protection.NarrativeRewrap;
import org.rapport.protection.RewrapProgress;
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
    private final NarrativeRewrap rewrap;

    OperatorConsole(Operators operators, PeopleDirectory people, RelationshipManagement relationships,
            NarrativeRewrap rewrap) {
        this.rewrap = rewrap;
        this.operators = operators;
        this.people = people;
        this.relationships = relationships;
    }

    /** Where the key that encrypts the narrative stands, and how far re-encryption under it has come. */
    public RewrapProgress encryption() {
        CurrentOperator.require();
        return rewrap.progress();
    }

    /**
     * Adds a new primary key to the keyset Rapport keeps and starts re-encrypting older text under it.
     *
     * @throws org.rapport.shared.RuleBroken when the keyset is given by configuration
     */
    public void addPrimaryKey() {
        CurrentOperator operator = CurrentOperator.require();
        rewrap.addPrimaryKey(operator.describe());
        operators.recordOwnWork("CHANGE", "Added a new primary key for the narrative and started re-encryption");
    }

    /** Starts re-encrypting text under older keys with the primary key, after a keyset given by configuration was rotated. */
    public void reencrypt() {
        CurrentOperator operator = CurrentOperator.require();
        rewrap.reencrypt(operator.describe());
        operators.recordOwnWork("CHANGE", "Started re-encrypting the narrative under the primary key");
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

package org.rapport.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.relationships.RelationshipStatus.ACTIVE;
import static org.rapport.relationships.RelationshipStatus.ENDED;
import static org.rapport.relationships.RelationshipTests.ASH;
import static org.rapport.relationships.RelationshipTests.CO_HELPER;
import static org.rapport.relationships.RelationshipTests.LEAD;
import static org.rapport.relationships.RelationshipTests.NOW;
import static org.rapport.relationships.RelationshipTests.TODAY;
import static org.rapport.relationships.RelationshipTests.ZONE;
import static org.rapport.relationships.RelationshipTests.aRelationshipThatIs;
import static org.rapport.relationships.RelationshipTests.termsReviewedOn;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.shared.RuleBroken;

/**
 * The handover's own rules, without Spring: who leads afterwards, who leaves, what is kept, and what
 * the agreement waits for. Ash leads with Bo alongside; Sam takes over.
 */
class HandoverTests {

    static final UUID SAM = UUID.fromString("00000000-0000-0000-0000-000000000005");
    static final Actor SAM_SIGNED_IN = new Actor(UUID.fromString("00000000-0000-0000-0000-0000000000a5"), "Sam Lee", SAM);
    static final Instant LATER = NOW.plusSeconds(3600);

    static Relationship withAnAcceptedAgreement() {
        Relationship relationship = aRelationshipThatIs(ACTIVE);
        relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);
        relationship.acceptAgreement(1, TODAY, AcceptanceMethod.IN_SESSION, ASH, NOW, TODAY, ZONE);
        return relationship;
    }

    static Handover handToSam(Relationship relationship) {
        return relationship.handOver(SAM, "Sam Lee", "Ash Marlow", HandoverReason.CASELOAD,
                "Robin sleeps better; the next step is the return to work.", ASH, NOW);
    }

    @Test
    void makesTheNewHelperTheLeadAndTakesTheOldLeadOffTheRelationship() {
        Relationship relationship = withAnAcceptedAgreement();

        handToSam(relationship);

        assertThat(relationship.leadHelperId()).isEqualTo(SAM);
        assertThat(relationship.helperIds()).containsExactlyInAnyOrder(SAM, CO_HELPER).doesNotContain(LEAD);
    }

    @Test
    void promotesAHelperAlreadyOnTheRelationshipToLead() {
        Relationship relationship = withAnAcceptedAgreement();

        relationship.handOver(CO_HELPER, "Bo Tern", "Ash Marlow", HandoverReason.LEAVING, "Ash is leaving in May.", ASH, NOW);

        assertThat(relationship.leadHelperId()).isEqualTo(CO_HELPER);
        assertThat(relationship.helperIds()).containsExactly(CO_HELPER);
    }

    @Test
    void keepsTheHandoverWithWhoFromWhoToWhenWhyAndTheNote() {
        Relationship relationship = withAnAcceptedAgreement();

        Handover handover = handToSam(relationship);

        assertThat(relationship.handovers()).containsExactly(handover);
        assertThat(handover.number()).isEqualTo(1);
        assertThat(handover.fromHelperId()).isEqualTo(LEAD);
        assertThat(handover.fromHelperName()).isEqualTo("Ash Marlow");
        assertThat(handover.toHelperId()).isEqualTo(SAM);
        assertThat(handover.reason()).isEqualTo(HandoverReason.CASELOAD);
        assertThat(handover.note()).startsWith("Robin sleeps better");
        assertThat(handover.handedOverByName()).isEqualTo("Ash Marlow");
        assertThat(handover.handedOverAt()).isEqualTo(NOW);
        assertThat(handover.isConfirmed()).isFalse();
    }

    @Test
    void writesAnAcceptedAgreementAgainUnchangedForTheClientToAcceptAgain() {
        Relationship relationship = withAnAcceptedAgreement();
        AgreementTerms before = relationship.currentAgreement().orElseThrow().terms();

        Handover handover = handToSam(relationship);

        AgreementRevision current = relationship.currentAgreement().orElseThrow();
        assertThat(current.revision()).isEqualTo(2);
        assertThat(handover.agreementRevision()).isEqualTo(2);
        assertThat(current.terms()).isEqualTo(before);
        assertThat(current.isAccepted()).isFalse();
        assertThat(current.changeNote()).contains("Handed over from Ash Marlow to Sam Lee");
        assertThat(relationship.agreementRevisions().get(0).isAccepted()).isTrue();
    }

    @Test
    void leavesAnAgreementNotYetAcceptedAsItIsAndWaitsForItsAcceptance() {
        Relationship relationship = aRelationshipThatIs(ACTIVE);
        relationship.reviseAgreement(termsReviewedOn(TODAY.plusWeeks(6)), null, ASH, NOW, TODAY);

        Handover handover = handToSam(relationship);

        assertThat(relationship.agreementRevisions()).hasSize(1);
        assertThat(handover.agreementRevision()).isEqualTo(1);
        assertThat(relationship.awaitedAfterHandover()).hasSize(2);
    }

    @Test
    void waitsForNoAgreementWhenThereIsNoneYet() {
        Relationship relationship = aRelationshipThatIs(ACTIVE);

        Handover handover = handToSam(relationship);

        assertThat(handover.agreementRevision()).isNull();
        assertThat(relationship.awaitedAfterHandover())
                .containsExactly("Sam Lee to confirm taking the work on, with its working agreement.");
    }

    @Test
    void saysPlainlyWhatIsAwaitedUntilTheNewHelperConfirmsAndTheClientAcceptsAgain() {
        Relationship relationship = withAnAcceptedAgreement();
        handToSam(relationship);

        assertThat(relationship.awaitedAfterHandover()).containsExactly(
                "Sam Lee to confirm taking the work on, with its working agreement.",
                "The client's acceptance of the working agreement (revision 2).");

        relationship.confirmHandover(1, SAM_SIGNED_IN, LATER);
        assertThat(relationship.awaitedAfterHandover())
                .containsExactly("The client's acceptance of the working agreement (revision 2).");
        assertThat(relationship.handovers().get(0).confirmedByName()).isEqualTo("Sam Lee");
        assertThat(relationship.handovers().get(0).confirmedAt()).isEqualTo(LATER);

        relationship.acceptAgreement(2, TODAY, AcceptanceMethod.SIGNED, SAM_SIGNED_IN, LATER, TODAY, ZONE);
        assertThat(relationship.awaitedAfterHandover()).isEmpty();
    }

    @Test
    void refusesAHandoverToTheHelperWhoAlreadyLeads() {
        Relationship relationship = withAnAcceptedAgreement();

        assertThatThrownBy(() -> relationship.handOver(LEAD, "Ash Marlow", "Ash Marlow", HandoverReason.OTHER, "Note",
                ASH, NOW)).isInstanceOf(RuleBroken.class).hasMessageContaining("already leads this relationship");
        assertThat(relationship.handovers()).isEmpty();
        assertThat(relationship.leadHelperId()).isEqualTo(LEAD);
    }

    @Test
    void refusesToHandOverAnEndedRelationship() {
        Relationship relationship = aRelationshipThatIs(ENDED);

        assertThatThrownBy(() -> handToSam(relationship)).isInstanceOf(RuleBroken.class)
                .hasMessage("The relationship has ended; it can no longer be handed over.");
    }

    @Test
    void refusesAHandoverWithoutAReasonOrANote() {
        Relationship relationship = withAnAcceptedAgreement();

        assertThatThrownBy(() -> relationship.handOver(SAM, "Sam Lee", "Ash Marlow", null, "Note", ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessage("Choose why the relationship is handed over.");
        assertThatThrownBy(() -> relationship.handOver(SAM, "Sam Lee", "Ash Marlow", HandoverReason.OTHER, "  ", ASH, NOW))
                .isInstanceOf(RuleBroken.class).hasMessage("The handover note is needed.");
        assertThatThrownBy(() -> relationship.handOver(SAM, "Sam Lee", "Ash Marlow", HandoverReason.OTHER,
                "x".repeat(4001), ASH, NOW)).isInstanceOf(RuleBroken.class).hasMessageContaining("at most 4000");
        assertThat(relationship.leadHelperId()).isEqualTo(LEAD);
        assertThat(relationship.agreementRevisions()).hasSize(1);
    }

    @Test
    void letsOnlyTheNewLeadHelperConfirm() {
        Relationship relationship = withAnAcceptedAgreement();
        handToSam(relationship);

        assertThatThrownBy(() -> relationship.confirmHandover(1, ASH, LATER)).isInstanceOf(RuleBroken.class)
                .hasMessage("Only Sam Lee, the new lead helper, confirms taking the work on.");
        assertThat(relationship.handovers().get(0).isConfirmed()).isFalse();
    }

    @Test
    void refusesToConfirmTwiceOrAnUnknownOrEarlierHandover() {
        Relationship relationship = withAnAcceptedAgreement();
        handToSam(relationship);
        relationship.confirmHandover(1, SAM_SIGNED_IN, LATER);

        assertThatThrownBy(() -> relationship.confirmHandover(1, SAM_SIGNED_IN, LATER)).isInstanceOf(RuleBroken.class)
                .hasMessage("Sam Lee already confirmed taking the work on.");
        assertThatThrownBy(() -> relationship.confirmHandover(2, SAM_SIGNED_IN, LATER)).isInstanceOf(RuleBroken.class)
                .hasMessage("This relationship has no handover 2.");

        relationship.handOver(CO_HELPER, "Bo Tern", "Sam Lee", HandoverReason.BETTER_FIT, "Bo knows the family.",
                SAM_SIGNED_IN, LATER);
        assertThatThrownBy(() -> relationship.confirmHandover(1, SAM_SIGNED_IN, LATER)).isInstanceOf(RuleBroken.class)
                .hasMessage("Only the latest handover (2) is confirmed.");
    }

    @ParameterizedTest
    @EnumSource(HandoverReason.class)
    void acceptsEveryReason(HandoverReason reason) {
        Relationship relationship = withAnAcceptedAgreement();

        relationship.handOver(SAM, "Sam Lee", "Ash Marlow", reason, "Note for Sam", ASH, NOW);

        assertThat(relationship.handovers()).extracting(Handover::reason).containsExactly(reason);
    }

    @Test
    void helperPartyHandedToAnotherLeadDropsTheOldLeadAndKeepsTheTeam() {
        UUID team = UUID.randomUUID();
        HelperParty party = HelperParty.of(LEAD, team, List.of(CO_HELPER));

        HelperParty after = party.handedTo(SAM);

        assertThat(after.lead()).isEqualTo(SAM);
        assertThat(after.team()).isEqualTo(team);
        assertThat(after.helpers()).containsExactlyInAnyOrder(SAM, CO_HELPER);
        assertThatThrownBy(() -> party.handedTo(LEAD)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> party.handedTo(null)).isInstanceOf(RuleBroken.class);
    }
}

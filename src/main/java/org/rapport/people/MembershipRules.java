package org.rapport.people;

import java.time.LocalDate;
import java.util.List;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;

/**
 * Who may make up a client party, in one place: how many current members each kind must have,
 * that nobody joins or leaves on a day still to come, and that nobody leaves before they joined.
 * A person and a couple keep the members they were registered with; a family or a group may
 * change, but never shrinks below two.
 */
final class MembershipRules {

    private MembershipRules() {
    }

    /** The party as it may be registered, with names tidied, or a refusal. */
    static NewClientParty registration(NewClientParty party, LocalDate today) {
        if (party.kind() == null) {
            throw new RuleBroken("Choose whether the client is a person, a couple, a family or a group.");
        }
        String name = Names.require(party.name(), "A client needs a name of 1 to " + Names.LONGEST + " characters.");
        List<NewClientMember> members = party.members().stream().map(member -> joining(member, today)).toList();
        ClientPartyKind kind = party.kind();
        if (!kind.admits(members.size())) {
            throw new RuleBroken(countRefusal(kind));
        }
        return new NewClientParty(kind, name, members);
    }

    /** The member as they may join this party, or a refusal. */
    static NewClientMember joining(ClientParty party, NewClientMember member, LocalDate today) {
        NewClientMember checked = joining(member, today);
        switch (party.kind()) {
            case PERSON -> throw new RuleBroken("A person is one client on their own, so nobody else can join. "
                    + "To work with more people together, register a couple, a family or a group.");
            case COUPLE -> throw new RuleBroken("A couple always has the same two members, so nobody else can join. "
                    + "To work with different people, register a new client.");
            default -> {
                if (party.currentMembers(today).size() + 1 > party.kind().maximumMembers()) {
                    throw new RuleBroken("A " + party.kind().label().toLowerCase() + " can have at most "
                            + party.kind().maximumMembers() + " current members.");
                }
            }
        }
        return checked;
    }

    /** The member who may leave on that day, or a refusal. */
    static ClientMember leaving(ClientParty party, MemberId memberId, LocalDate leftOn, LocalDate today) {
        ClientMember member = party.member(memberId).orElseThrow(() -> new RecordNotFound("member of this client"));
        if (leftOn == null) {
            throw new RuleBroken("Give the day the member left.");
        }
        if (member.hasLeft()) {
            throw new RuleBroken("This member's leaving is already recorded.");
        }
        if (leftOn.isBefore(member.joinedOn())) {
            throw new RuleBroken("A member cannot leave before the day they joined (" + member.joinedOn() + ").");
        }
        if (leftOn.isAfter(today)) {
            throw new RuleBroken("The day a member left cannot be in the future.");
        }
        switch (party.kind()) {
            case PERSON -> throw new RuleBroken("A person cannot lose their only member. "
                    + "When the work with them is over, end the relationship instead.");
            case COUPLE -> throw new RuleBroken("A couple always keeps both its members. If the couple has parted, "
                    + "end the work with the couple and register each person as a client of their own.");
            default -> {
                long remaining = party.currentMembers(today).stream()
                        .filter(current -> !current.id().equals(memberId)).count();
                if (remaining < party.kind().minimumMembers()) {
                    throw new RuleBroken("A " + party.kind().label().toLowerCase() + " keeps at least "
                            + party.kind().minimumMembers() + " current members. "
                            + "If the work with it is over, end the relationship instead.");
                }
            }
        }
        return member;
    }

    private static NewClientMember joining(NewClientMember member, LocalDate today) {
        if (member == null) {
            throw new RuleBroken("Each member needs a name and the day they joined.");
        }
        String name = Names.require(member.name(), "Each member needs a name of 1 to " + Names.LONGEST + " characters.");
        if (member.joinedOn() == null) {
            throw new RuleBroken("Give the day each member joined.");
        }
        if (member.joinedOn().isAfter(today)) {
            throw new RuleBroken("A member cannot join on a day in the future.");
        }
        return new NewClientMember(name, member.joinedOn());
    }

    private static String countRefusal(ClientPartyKind kind) {
        return switch (kind) {
            case PERSON -> "A person is registered with exactly one member.";
            case COUPLE -> "A couple is registered with exactly two members.";
            case FAMILY -> "A family is registered with at least two and at most " + kind.maximumMembers() + " members.";
            case GROUP -> "A group is registered with at least two and at most " + kind.maximumMembers() + " members.";
        };
    }
}

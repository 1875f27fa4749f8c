package org.rapport.people;

/**
 * What kind of party a client is. Rogers' definition lets either side of a helping relationship be
 * an individual or a group, so a client party may be one person or several, and its kind says how
 * many current members it must have.
 */
public enum ClientPartyKind {
    /** One person, and always the same one. */
    PERSON("Person", 1, 1),
    /** Exactly two people, worked with together. */
    COUPLE("Couple", 2, 2),
    /** Two or more people of one family; members may join and leave. */
    FAMILY("Family", 2, ClientPartyKind.MOST_MEMBERS),
    /** Two or more people who meet as a group; members may join and leave. */
    GROUP("Group", 2, ClientPartyKind.MOST_MEMBERS);

    /** A practical ceiling, not a clinical one: no family or group is bigger than this. */
    static final int MOST_MEMBERS = 200;

    private final String label;
    private final int minimumMembers;
    private final int maximumMembers;

    ClientPartyKind(String label, int minimumMembers, int maximumMembers) {
        this.label = label;
        this.minimumMembers = minimumMembers;
        this.maximumMembers = maximumMembers;
    }

    public String label() {
        return label;
    }

    /** The fewest current members a party of this kind may have. */
    public int minimumMembers() {
        return minimumMembers;
    }

    /** The most current members a party of this kind may have. */
    public int maximumMembers() {
        return maximumMembers;
    }

    /** Whether members may join or leave after registration (families and groups change; persons and couples do not). */
    public boolean membershipChanges() {
        return minimumMembers != maximumMembers;
    }

    public boolean admits(int currentMembers) {
        return currentMembers >= minimumMembers && currentMembers <= maximumMembers;
    }
}

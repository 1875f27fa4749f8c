package org.rapport.people;

/** The helping profession a helper practises; it shapes nothing in the rules, only how they are introduced. */
public enum Discipline {
    COUNSELLOR("Counsellor"),
    PSYCHOTHERAPIST("Psychotherapist"),
    COACH("Coach"),
    NURSE("Nurse"),
    SOCIAL_WORKER("Social worker"),
    COMMUNITY_PRACTITIONER("Community practitioner"),
    MENTOR("Mentor"),
    PEER_SUPPORTER("Peer supporter"),
    OTHER("Other");

    private final String label;

    Discipline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

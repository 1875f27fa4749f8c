package org.rapport.followups;

/** What a former client sees on their reconnect page: only the name of the helper they worked with. */
public record ReconnectOffer(String helperName, String crisisInformation) {
}

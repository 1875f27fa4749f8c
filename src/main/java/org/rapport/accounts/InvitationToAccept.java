package org.rapport.accounts;

/** What the person who opens a working invitation link is shown: who they are and where. */
public record InvitationToAccept(String username, String displayName, String organisationName) {
}

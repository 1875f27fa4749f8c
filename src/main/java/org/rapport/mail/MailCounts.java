package org.rapport.mail;

/** How many of an organisation's messages wait to be sent, were sent, and were given up on. */
public record MailCounts(int queued, int sent, int failed) {
}

package org.rapport.measures;

import java.time.Instant;

/**
 * A one-time link for a client to answer an instrument: the path (with its secret token) is shown
 * once, to be copied to the client; only a hash of the token is kept.
 */
public record SentLink(AdministrationId administration, String path, Instant expiresAt) {}

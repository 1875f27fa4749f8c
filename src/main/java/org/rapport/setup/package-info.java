/**
 * First-run setup: on a database where nobody can sign in yet, opens the first organisation and its
 * first admin, either from start-up variables (without a browser) or through a one-time setup page
 * opened with a code printed in the log. Until then every page leads to that setup page. It opens
 * the organisation only through the accounts module's public API, keeps nothing about clients, and
 * never logs a password.
 */
@NullMarked
package org.rapport.setup;

import org.jspecify.annotations.NullMarked;

/**
 * Organisations, sign-in accounts and roles, and the security around them: who is signed in, for
 * which organisation, and what their role lets them reach. It never reads a client's record.
 */
@NullMarked
package org.rapport.accounts;

import org.jspecify.annotations.NullMarked;

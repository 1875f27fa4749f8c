/**
 * The sign-in page and the accounts part of the HTTP API. Controllers call one method of the
 * module's API; the rules live in the module.
 */
@NullMarked
package org.rapport.accounts.web;

import org.jspecify.annotations.NullMarked;

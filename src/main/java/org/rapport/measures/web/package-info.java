/**
 * The measures module's pages (the client's answer page opened from a one-time link, sending a link
 * and entering answers in a session, a relationship's measurement plan, and the admin's instrument
 * pages) and its HTTP API. Controllers check the shape of what arrives
 * and call one method of the module's API; the rules live in the module.
 */
@NullMarked
package org.rapport.measures.web;

import org.jspecify.annotations.NullMarked;

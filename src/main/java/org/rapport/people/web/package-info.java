/**
 * The people module's pages for organisation admins (helpers, teams, supervision, clients) and its
 * HTTP API. Controllers check the shape of what arrives and call one method of the module's API;
 * the rules live in the module.
 */
@NullMarked
package org.rapport.people.web;

import org.jspecify.annotations.NullMarked;

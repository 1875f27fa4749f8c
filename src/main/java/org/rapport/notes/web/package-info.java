/**
 * The notes module's pages (the note forms behind the session page's notes panel, and the admin
 * page of note templates) and its HTTP API. Controllers call one method of the module's API; the
 * rules live in the module. Nothing here logs or echoes note text into an address.
 */
@NullMarked
package org.rapport.notes.web;

import org.jspecify.annotations.NullMarked;

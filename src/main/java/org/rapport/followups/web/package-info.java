/** The follow-ups pages (the helper's, and the former client's from their links) and HTTP API. */
@NullMarked
package org.rapport.followups.web;

import org.jspecify.annotations.NullMarked;

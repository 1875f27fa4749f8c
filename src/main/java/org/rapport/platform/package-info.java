/**
 * Rapport's plumbing: which PostgreSQL to use (embedded by default, external when configured), the
 * organisation scope on every connection, and how errors reach pages and the HTTP API. It owns no
 * domain data and never decides a clinical or access rule.
 */
@NullMarked
package org.rapport.platform;

import org.jspecify.annotations.NullMarked;

/**
 * The goals module's pages (setting goals, the goal page, rating in a session) and its HTTP API.
 * Controllers check the shape of what arrives and call one method of the module's API; the rules
 * live in the module.
 */
@NullMarked
package org.rapport.goals.web;

import org.jspecify.annotations.NullMarked;

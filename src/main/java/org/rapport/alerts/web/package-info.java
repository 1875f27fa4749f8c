/**
 * The alerts module's page pieces (the relationship page panel, acknowledging) and its HTTP API.
 * Controllers check the shape of what arrives and call one method of the module's API.
 */
@NullMarked
package org.rapport.alerts.web;

import org.jspecify.annotations.NullMarked;

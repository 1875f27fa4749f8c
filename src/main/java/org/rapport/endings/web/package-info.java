/**
 * The endings module's pages (the ending workspace, the letter, the relationship page panel's
 * forms) and its HTTP API. Controllers check the shape of what arrives and call the module's API.
 */
@NullMarked
package org.rapport.endings.web;

import org.jspecify.annotations.NullMarked;

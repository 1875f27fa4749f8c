/**
 * The demo organisation: fictional helpers, clients and relationships in every process model, so
 * a newcomer sees a living system. It only uses the other modules' public APIs, and seeds an
 * external database only when asked to.
 */
@NullMarked
package org.rapport.demo;

import org.jspecify.annotations.NullMarked;

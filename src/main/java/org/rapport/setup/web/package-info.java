/** The one-time setup page. The controller calls the setup module's API; the rules live there. */
@NullMarked
package org.rapport.setup.web;

import org.jspecify.annotations.NullMarked;

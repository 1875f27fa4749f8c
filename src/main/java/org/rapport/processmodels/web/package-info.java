/**
 * The pages and the HTTP API for process models: staff read them, admins add their organisation's
 * own. Refusals come from {@link org.rapport.processmodels.ProcessModels}; this package only shapes
 * what was sent and what is shown.
 */
@NullMarked
package org.rapport.processmodels.web;

import org.jspecify.annotations.NullMarked;

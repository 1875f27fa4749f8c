/** The operator's page and HTTP API. The controllers call the operator module's API; the rules live there. */
@NullMarked
package org.rapport.operator.web;

import org.jspecify.annotations.NullMarked;

/**
 * The arithmetic of change for routine outcome and alliance measurement: reliable change (fixed
 * values and Jacobson &amp; Truax), clinical significance, NHS Talking Therapies outcomes (caseness,
 * recovery, reliable improvement, deterioration and recovery), the expected-change band, and the
 * named alert policies. Pure and stateless over plain numbers, so the measures module and its
 * pages may use it; it never stores, reads or audits a score, and its reasons never carry client
 * content.
 */
@NullMarked
@NamedInterface("outcomes")
package org.rapport.measures.outcomes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;

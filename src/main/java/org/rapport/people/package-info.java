/**
 * People: the helpers of an organisation and their teams and supervision links, and the client
 * parties they help (a person, a couple, a family or a group) with the members who make them up.
 * Every registration, change and reading of a client party is written to the audit trail.
 *
 * <p>It never decides who may see which client party: that is the relationships module's rule,
 * checked before it asks for one here. It keeps names and membership only, never clinical content.
 */
@NullMarked
package org.rapport.people;

import org.jspecify.annotations.NullMarked;

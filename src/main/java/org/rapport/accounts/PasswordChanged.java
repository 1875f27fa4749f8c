package org.rapport.accounts;

import java.time.Instant;
import org.rapport.shared.OrganisationId;

/**
 * A person changed their own password, knowing the one it replaced. Their other signed-in
 * sessions end once the change is committed; their API tokens stay, each revocable on its own.
 */
public record PasswordChanged(AccountId account, OrganisationId organisation, Instant at) {
}

package org.rapport.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The operator signed in for the work in hand: they run this Rapport and belong to no organisation. */
public record CurrentOperator(UUID operatorId, String username, String displayName) {

    /** The signed-in operator, if the current thread works for one. */
    public static Optional<CurrentOperator> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInOperator operator) {
            return Optional.of(operator.asCurrentOperator());
        }
        return Optional.empty();
    }

    /** @throws AccessDeniedException unless an operator is signed in */
    public static CurrentOperator require() {
        return find().orElseThrow(() -> new AccessDeniedException("only an operator may do this"));
    }

    /** How the operator is named in an organisation's audit trail and in mail. */
    public String describe() {
        return displayName + " (" + username + ", operator)";
    }
}

package org.rapport.shared;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The organisation whose data the current thread may touch.
 *
 * <p>Set from the signed-in user for each request, and explicitly for work that runs outside a
 * request (seeding, sign-in). The database connection carries it into PostgreSQL's row-level
 * security, so a query that forgets its organisation filter still sees only this organisation.
 * The scope must be set before a transaction takes its connection.
 */
public final class Tenancy {

    private static final ThreadLocal<OrganisationId> CURRENT = new ThreadLocal<>();

    private Tenancy() {
    }

    public static Optional<OrganisationId> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static OrganisationId require() {
        OrganisationId id = CURRENT.get();
        if (id == null) throw new IllegalStateException("no organisation is in scope for this work");
        return id;
    }

    public static <T> T callAs(OrganisationId organisation, Supplier<T> work) {
        OrganisationId previous = CURRENT.get();
        CURRENT.set(organisation);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(OrganisationId organisation, Runnable work) {
        callAs(organisation, () -> {
            work.run();
            return null;
        });
    }

    /** For request filters, which set the scope and must clear it when the request ends. */
    public static void enter(OrganisationId organisation) {
        CURRENT.set(organisation);
    }

    public static void leave() {
        CURRENT.remove();
    }

    private static void restore(OrganisationId previous) {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }
}

package org.rapport.demo;

import org.rapport.platform.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organisation on first start of the embedded database, or on any database when
 * asked explicitly ({@code rapport.demo.seed=always}); never silently into an external database.
 */
@Component
class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final DemoOrganisation demo;
    private final DatabaseMode database;
    private final String mode;

    DemoSeeding(DemoOrganisation demo, DatabaseMode database, @Value("${rapport.demo.seed:auto}") String mode) {
        this.demo = demo;
        this.database = database;
        this.mode = mode;
    }

    boolean shouldSeed() {
        return switch (mode.strip().toLowerCase()) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> database.isEmbedded();
            default -> throw new IllegalStateException(
                    "rapport.demo.seed must be auto, always or never, not '" + mode + "'");
        };
    }

    private volatile boolean seededNow;

    /**
     * Seeds while the application context is still starting: a stop asked for meanwhile (SIGTERM)
     * waits for the start, and so for the seeding's transaction, instead of cutting it off.
     */
    @EventListener(ContextRefreshedEvent.class)
    void seed(ContextRefreshedEvent event) {
        if (event.getApplicationContext().getParent() != null || !shouldSeed()) return;
        seededNow = !demo.isPresent();
        if (seededNow) log.info("Seeding the demo organisation…");
        demo.seedIfAbsent();
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!shouldSeed()) {
            if (!demo.isPresent()) log.info("No demo organisation (rapport.demo.seed={}).", mode);
            return;
        }
        log.info("{} Sign in with any of these (password: {}):",
                seededNow ? "Demo organisation seeded." : "Demo organisation ready.", DemoOrganisation.PASSWORD);
        DemoOrganisation.LOGINS.forEach(l -> log.info("    {}  ({})", l.username(), l.who()));
    }
}

package org.rapport.demo;

import org.rapport.platform.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organisation on first start of the embedded database, or on any database when
 * asked explicitly ({@code rapport.demo.seed=always}); never silently into an external database.
 */
@Component
class DemoSeeding implements SmartLifecycle {

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
    private volatile boolean running;

    /**
     * Seeds while the application context is still starting, and before the web server takes its
     * first request, so the first page that answers can sign the demo's people in. A stop asked for
     * meanwhile (SIGTERM) waits for the start, and so for the seeding's transaction, instead of
     * cutting it off.
     */
    @Override
    public void start() {
        running = true;
        if (!shouldSeed()) return;
        seededNow = !demo.isPresent();
        if (seededNow) log.info("Seeding the demo organisation…");
        demo.seedIfAbsent();
    }

    /** Just before the web server starts, which starts in the phase after this one. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
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

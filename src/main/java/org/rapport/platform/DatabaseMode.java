package org.rapport.platform;

import org.springframework.stereotype.Component;

/** Tells other modules whether Rapport runs on its own embedded database (where demo data is welcome). */
@Component
public class DatabaseMode {

    private final EmbeddedDatabaseHolder embedded;

    DatabaseMode(EmbeddedDatabaseHolder embedded) {
        this.embedded = embedded;
    }

    public boolean isEmbedded() {
        return embedded.isRunning();
    }
}

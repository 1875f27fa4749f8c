package org.rapport.platform;

import java.io.IOException;

/** The embedded server, when Rapport started one; closed with the application. */
final class EmbeddedDatabaseHolder implements AutoCloseable {

    private final EmbeddedPostgresServer server;

    private EmbeddedDatabaseHolder(EmbeddedPostgresServer server) {
        this.server = server;
    }

    static EmbeddedDatabaseHolder none() {
        return new EmbeddedDatabaseHolder(null);
    }

    static EmbeddedDatabaseHolder of(EmbeddedPostgresServer server) {
        return new EmbeddedDatabaseHolder(server);
    }

    boolean isRunning() {
        return server != null;
    }

    EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() throws IOException {
        if (server != null) server.close();
    }
}

package org.rapport.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the embedded server up: if its postmaster has gone (killed, crashed, stopped by hand), it is
 * started again within seconds, and the pool's next connection finds it. Meanwhile requests are
 * answered 503 and readiness is DOWN; nobody has to restart Rapport.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EmbeddedServerWatch {

    private final EmbeddedDatabaseHolder embedded;

    EmbeddedServerWatch(EmbeddedDatabaseHolder embedded) {
        this.embedded = embedded;
    }

    @Scheduled(fixedDelayString = "${rapport.embedded.watch-interval-ms:2000}",
            initialDelayString = "${rapport.embedded.watch-interval-ms:2000}")
    void restartIfStopped() {
        if (embedded.isRunning()) embedded.server().restartIfStopped();
    }
}

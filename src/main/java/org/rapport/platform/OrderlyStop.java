package org.rapport.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Stops Rapport in order when asked to (SIGTERM, or Ctrl-C's SIGINT): first the application, which
 * lets a start under way finish, stops taking requests and lets those in flight finish (graceful
 * shutdown), closes the pool, and only then the embedded PostgreSQL server.
 *
 * <p>Without this, the JVM runs all its shutdown hooks at once, and the server library's own hook
 * stops PostgreSQL while Rapport is still using it: a stop during start-up cut the demo seeding's
 * transaction off. Once the application is closed, that hook finds nothing left to do.
 */
final class OrderlyStop {

    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);

    private OrderlyStop() {
    }

    static void install(ConfigurableApplicationContext context) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                Thread stop = new Thread(() -> {
                    log.info("Stopping Rapport (SIG{}): finishing the work under way, then stopping the embedded "
                            + "PostgreSQL server", signal.getName());
                    context.close();
                    System.exit(128 + signal.getNumber());
                }, "rapport-orderly-stop");
                // The signal's thread is a daemon, and so would this be: the JVM would end as soon as the
                // application had closed, with status 0, before the status below is set.
                stop.setDaemon(false);
                stop.start();
            });
        }
    }
}

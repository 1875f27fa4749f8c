package org.rapport.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rapport.platform.DatabaseMode;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** The demo is never seeded silently into an external database. */
class DemoSeedingTests {

    static DatabaseMode embedded(boolean embedded) {
        return new DatabaseMode(embedded);
    }

    @Test
    void seedsTheEmbeddedDatabaseByDefault() {
        assertThat(new DemoSeeding(null, embedded(true), "auto").shouldSeed()).isTrue();
    }

    @Test
    void leavesAnExternalDatabaseAloneByDefault() {
        assertThat(new DemoSeeding(null, embedded(false), "auto").shouldSeed()).isFalse();
    }

    @Test
    void seedsAnExternalDatabaseOnlyWhenAskedExplicitly() {
        assertThat(new DemoSeeding(null, embedded(false), "always").shouldSeed()).isTrue();
        assertThat(new DemoSeeding(null, embedded(true), "never").shouldSeed()).isFalse();
    }

    @Test
    void seedsBeforeTheWebServerStartsTakingRequests() {
        // Lifecycles start in ascending phase: the web server's comes after the seeding's.
        assertThat(new DemoSeeding(null, embedded(true), "never").getPhase())
                .isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
    }

    @Test
    void refusesAnUnknownSetting() {
        assertThatThrownBy(() -> new DemoSeeding(null, embedded(true), "sometimes").shouldSeed())
                .hasMessageContaining("auto, always or never");
    }
}

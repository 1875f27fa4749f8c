package org.rapport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Rapport's modules keep to their boundaries, and their documentation is written from the code. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RapportApplication.class);
    static final JavaClasses RAPPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.rapport");

    /** Time comes from the injected Clock, so tests can move it; nothing reads the system clock directly. */
    static final ArchRule READS_TIME_ONLY_FROM_THE_CLOCK = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .because("time comes from the injected java.time.Clock");

    static final ArchRule DOMAIN_CODE_NEVER_REACHES_INTO_WEB = noClasses().that()
            .resideOutsideOfPackage("org.rapport..web..").should().dependOnClassesThat().resideInAPackage("org.rapport..web..")
            .because("pages and the HTTP API sit on top of the modules, never under them");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void namesTheModulesOfTheDomain() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("accounts", "audit", "people", "processmodels", "relationships");
    }

    @Test
    void readsTimeOnlyFromTheInjectedClock() {
        READS_TIME_ONLY_FROM_THE_CLOCK.check(RAPPORT);
    }

    @Test
    void theClockRuleCatchesADirectReadOfTheTime() {
        JavaClasses violation = new ClassFileImporter().importClasses(ReadsTheSystemClock.class);
        assertThatThrownBy(() -> READS_TIME_ONLY_FROM_THE_CLOCK.check(violation)).isInstanceOf(AssertionError.class);
    }

    @Test
    void keepsDomainCodeFreeOfWebTypes() {
        DOMAIN_CODE_NEVER_REACHES_INTO_WEB.check(RAPPORT);
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }

    static class ReadsTheSystemClock {
        LocalDate today() {
            return LocalDate.now();
        }

        Clock unused() {
            return Clock.systemUTC();
        }
    }
}

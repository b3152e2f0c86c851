package org.fusescope.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of the model-runner module (docs/architecture.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.runner");

    @Test
    void runnerNeverImportsTheUi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.fusescope.app..", "javafx..")
                .check(CLASSES);
    }
}

package org.fusescope.profiler.cupti;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundary of the CUPTI capture (docs/architecture.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.profiler.cupti");

    @Test
    void captureProducesModelRecordsOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.profiler.store..",
                        "org.fusescope.profiler.analysis..",
                        "org.fusescope.profiler.export..",
                        "org.fusescope.profiler.cli..",
                        "org.fusescope.kernels..",
                        "org.fusescope.runner..",
                        "org.fusescope.app..",
                        "javafx..")
                .because("the capture hands trace-model records to whoever records the run; storing them is the"
                        + " runner's choice, so one capture serves the store, tests and any other sink")
                .check(CLASSES);
    }
}

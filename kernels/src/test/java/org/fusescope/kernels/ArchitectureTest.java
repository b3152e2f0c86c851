package org.fusescope.kernels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of the kernels module (docs/architecture.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.kernels");

    @Test
    void kernelsDependOnNoOtherModuleAndNoUi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.profiler..", "org.fusescope.runner..", "org.fusescope.app..", "javafx..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /** The sizes and argument checks sit below the wrappers and the references, which both use them. */
    @Test
    void theReferencesUseNeitherTheWrappersNorCudaAndTheSizesUseNeither() {
        noClasses()
                .that()
                .resideInAPackage("org.fusescope.kernels.reference..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.kernels.ops..", "org.fusescope.kernels.bench..", "org.fusescope.kernels.cuda..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("org.fusescope.kernels.shape..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.kernels.ops..",
                        "org.fusescope.kernels.bench..",
                        "org.fusescope.kernels.reference..")
                .check(CLASSES);
    }
}

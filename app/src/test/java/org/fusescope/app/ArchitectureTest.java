package org.fusescope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of the app module (docs/architecture.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.app");

    @Test
    void appTalksToTheGpuOnlyThroughTheRunnerProcess() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.kernels..",
                        "org.fusescope.runner..",
                        "org.fusescope.profiler.cupti..",
                        "jcuda..",
                        "org.bytedeco..")
                .because("the workbench reads recordings through the trace core; recording is the runner's child"
                        + " process, which is on the class path at run time only")
                .check(CLASSES);
    }

    @Test
    void viewModelsUseNoSceneGraph() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..")
                .because("view models are tested with plain JUnit; layout belongs in the XxxView classes")
                .check(CLASSES);
    }
}

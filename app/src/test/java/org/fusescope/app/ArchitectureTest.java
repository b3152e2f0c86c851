package org.fusescope.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md for the app module. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.app");

    @Test
    void appTalksToTheGpuOnlyThroughTheRunnerProcess() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.fusescope.kernels..", "jcuda..", "org.bytedeco..")
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

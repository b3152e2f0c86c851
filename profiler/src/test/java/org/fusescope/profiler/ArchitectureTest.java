package org.fusescope.profiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md for the profiler module. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.profiler");

    @Test
    void profilerNeverImportsKernelsRunnerOrUi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.kernels..", "org.fusescope.runner..", "org.fusescope.app..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void theModelIsALeaf() {
        noClasses()
                .that()
                .resideInAPackage("org.fusescope.profiler.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.profiler.store..",
                        "org.fusescope.profiler.analysis..",
                        "org.fusescope.profiler.export..",
                        "org.fusescope.profiler.synthetic..",
                        "java.sql..")
                .check(CLASSES);
    }

    @Test
    void analysesAndExportsWorkOnTheModelNotOnSql() {
        noClasses()
                .that()
                .resideInAnyPackage("org.fusescope.profiler.analysis..", "org.fusescope.profiler.export..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.fusescope.profiler.store..", "java.sql..", "org.sqlite..")
                .check(CLASSES);
    }
}

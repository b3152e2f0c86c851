package org.fusescope.profiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of the headless trace core (docs/architecture.md), each with its reason. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusescope.profiler");

    @Test
    void theCoreNeedsNoGpuAndNoUi() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.kernels..",
                        "org.fusescope.runner..",
                        "org.fusescope.profiler.cupti..",
                        "org.fusescope.app..",
                        "jcuda..",
                        "org.bytedeco..",
                        "javafx..")
                .because("reading, analysing and exporting a recording must work on a machine without CUDA or a"
                        + " display; GPU capture and the workbench build on the core, never the reverse")
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
                        "org.fusescope.profiler.cli..",
                        "java.sql..")
                .because("every producer (CUPTI, the synthetic generator, the store's reader) and every consumer"
                        + " shares the model; it must not pull any of them in")
                .check(CLASSES);
    }

    @Test
    void theOpCatalogIsALeaf() {
        noClasses()
                .that()
                .resideInAPackage("org.fusescope.profiler.ops..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.fusescope.profiler.store..",
                        "org.fusescope.profiler.analysis..",
                        "org.fusescope.profiler.export..",
                        "org.fusescope.profiler.synthetic..",
                        "org.fusescope.profiler.cli..",
                        "java.sql..")
                .because("the catalog describes the decode step; the plan, the synthetic generator and the"
                        + " attribution read it, and the store keeps an op as data")
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
                .because("analyses are tested on in-memory traces and must agree whatever reads the database")
                .check(CLASSES);
    }

    @Test
    void storeAndExportsDoNotKnowTheOps() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.fusescope.profiler.store..",
                        "org.fusescope.profiler.export..",
                        "org.fusescope.profiler.model..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.fusescope.profiler.ops..")
                .because("in the database an op is data: a recording of an op this build does not know still opens")
                .check(CLASSES);
    }
}

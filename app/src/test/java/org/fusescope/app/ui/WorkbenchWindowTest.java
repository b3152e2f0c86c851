package org.fusescope.app.ui;

import java.nio.file.Path;
import org.fusescope.app.fixtures.ShownWorkbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** A TestFX test of the workbench window ({@link ShownWorkbench}) with the golden recording opening. */
@ExtendWith(ApplicationExtension.class)
abstract class WorkbenchWindowTest {
    @TempDir
    Path config;

    ShownWorkbench workbench;

    // after the extension has registered the primary stage (TestFX looks for @Start in the test class only)
    @BeforeEach
    void show() throws Exception {
        FxToolkit.setupStage(stage -> workbench = new ShownWorkbench(stage, config));
    }

    @AfterEach
    void stop() {
        workbench.close();
    }
}

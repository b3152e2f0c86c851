package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fusescope.app.run.RunConfigViewModel;
import org.fusescope.app.run.RunDialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run-configuration dialog, headless: it rejects bad input and says why Run is off. */
@ExtendWith(ApplicationExtension.class)
class RunDialogSmokeTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
    }

    private RunDialog show(FxRobot robot, RunConfigViewModel vm, Optional<String> whyNoGpu) {
        RunDialog[] dialog = new RunDialog[1];
        robot.interact(() -> {
            dialog[0] = new RunDialog(vm, whyNoGpu);
            dialog[0].show();
        });
        return dialog[0];
    }

    @Test
    void rejectsBadInputAndAcceptsGoodInput(FxRobot robot) {
        RunConfigViewModel vm = new RunConfigViewModel();
        RunDialog dialog = show(robot, vm, Optional.empty());
        Node run = robot.lookup("#runButton").query();
        assertThat(run.isDisabled()).as("no output file yet").isTrue();

        robot.clickOn("#runOut").write(dir.resolve("out.sqlite").toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#runErrors").queryAs(Label.class).getText()).isEmpty();
        assertThat(run.isDisabled()).isFalse();

        TextField batches = robot.lookup("#runBatches").queryAs(TextField.class);
        robot.clickOn(batches).press(KeyCode.END).release(KeyCode.END).write(",x");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(batches.getText()).isEqualTo("1,16,x");
        assertThat(robot.lookup("#runErrors").queryAs(Label.class).getText())
                .contains("batch sizes")
                .contains("'x'");
        assertThat(run.isDisabled()).isTrue();
        robot.interact(dialog::close);
    }

    @Test
    void withoutAGpuRunIsOffAndTheDialogSaysWhy(FxRobot robot) {
        RunConfigViewModel vm = new RunConfigViewModel();
        vm.outProperty().set(dir.resolve("out.sqlite").toString());
        RunDialog dialog = show(robot, vm, Optional.of("No NVIDIA GPU here: libcuda.so.1 is not on any library path"));
        assertThat(robot.lookup("#runErrors").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#runButton").query().isDisabled()).isTrue();
        Label why = robot.lookup("#runNoGpu").queryAs(Label.class);
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).contains("libcuda.so.1");
        robot.interact(dialog::close);
    }
}

package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.fusescope.app.Golden;
import org.fusescope.app.fixtures.ProblemRecording;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemItem;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.workbench.Background;
import org.fusescope.app.workbench.RunController;
import org.fusescope.app.workbench.Themes;
import org.fusescope.app.workbench.WorkbenchView;
import org.fusescope.app.workbench.WorkbenchViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Problems tool window in the real window: its empty state, and a double-click that leads to the place. */
@ExtendWith(ApplicationExtension.class)
class ProblemsSmokeTest {
    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        vm = new WorkbenchViewModel(
                new Background(workers, Platform::runLater), WorkbenchPrefs.load(dir.resolve("prefs")));
        view = new WorkbenchView(vm, new RunController(vm));
        stage.setScene(new Scene(view, 1500, 950));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.dispose();
        workers.shutdownNow();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSoundRecordingShowsWhatWasCheckedInsteadOfAnEmptyTable(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(Golden.file(), null));
        waitFor(() -> vm.pendingProperty().get() == 0 && !vm.editors().isEmpty());
        robot.clickOn("Problems");

        Label empty = robot.lookup("#problemsEmpty").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText())
                .isEqualTo(vm.problems().emptyStateProperty().get())
                .startsWith("No problems: "
                        + vm.explorer().recordings().get(0).runs().size() + " runs complete");
        assertThat(robot.lookup("#problemsTable").tryQuery()).isEmpty();
    }

    @Test
    void doubleClickingAProblemAtATimeSelectsItsKernel(FxRobot robot) throws Exception {
        ProblemRecording.Written written = ProblemRecording.write(dir);
        robot.interact(() -> vm.open(written.file(), null));
        waitFor(() -> vm.pendingProperty().get() == 0 && vm.problems().items().size() == 4);
        robot.clickOn("Problems");
        assertThat(robot.lookup("#problemsEmpty").tryQuery()).isEmpty();

        Node row = robot.lookup("#problemsTable .table-row-cell")
                .match(n -> n instanceof TableRow<?> r
                        && r.getItem() instanceof ProblemItem p
                        && p.code().equals("dropped-records"))
                .query();
        robot.doubleClickOn(row, MouseButton.PRIMARY);
        waitFor(() -> vm.selection().kernel() != null && vm.pendingProperty().get() == 0);

        assertThat(vm.activeEditorProperty().get()).isInstanceOfSatisfying(TimelineViewModel.class, t -> assertThat(
                        t.run().info().id())
                .isEqualTo(ProblemRecording.RUN_WITH_PROBLEMS));
        long at = written.atKernel().timeNs();
        assertThat(vm.selection().kernel().kernel().startNs()).isLessThanOrEqualTo(at);
        assertThat(vm.selection().kernel().kernel().endNs()).isGreaterThanOrEqualTo(at);
        assertThat(view.editors().getSelectionModel().getSelectedItem().getText())
                .isEqualTo(((TimelineViewModel) vm.activeEditorProperty().get())
                        .run()
                        .title());
    }
}

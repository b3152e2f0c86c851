package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.fusescope.app.Golden;
import org.fusescope.app.data.Recording;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemItem;
import org.fusescope.app.run.FakeGpuRunner;
import org.fusescope.app.run.RunNotice;
import org.fusescope.app.run.RunProcess;
import org.fusescope.app.run.RunTask;
import org.fusescope.app.workbench.Background;
import org.fusescope.app.workbench.RunController;
import org.fusescope.app.workbench.Themes;
import org.fusescope.app.workbench.WorkbenchView;
import org.fusescope.app.workbench.WorkbenchViewModel;
import org.fusescope.profiler.model.RunInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Run, follow and stop {@code fusescope run} from the workbench window, headless. The child process
 * is real; what it runs is the {@link FakeGpuRunner} (a labelled fake: the real runner needs a GPU).
 */
@ExtendWith(ApplicationExtension.class)
class RunSmokeTest {
    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private WorkbenchViewModel vm;
    private RunController runs;
    private volatile String fakeMode = "ok";

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        vm = new WorkbenchViewModel(
                new Background(workers, Platform::runLater), WorkbenchPrefs.load(dir.resolve("prefs")));
        runs = new RunController(vm, Optional.empty(), args -> {
            List<String> fake = new ArrayList<>(args);
            fake.add("--fake=" + fakeMode);
            return RunProcess.javaCommand(FakeGpuRunner.class.getName(), fake);
        });
        Scene scene = new Scene(new WorkbenchView(vm, runs), 1500, 950);
        stage.setScene(scene);
        stage.show();
        vm.open(Golden.file(), null);
    }

    @AfterEach
    void stop() {
        runs.stop();
        vm.dispose();
        workers.shutdownNow();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RunTask run(FxRobot robot, String mode, Path out) throws TimeoutException {
        fakeMode = mode;
        waitFor(() ->
                vm.explorer().recordings().size() == 1 && vm.pendingProperty().get() == 0);
        robot.interact(() -> runs.config().outProperty().set(out.toString()));
        robot.clickOn("#toolbarRun");
        waitFor(() -> runs.taskProperty().get() != null);
        return runs.taskProperty().get();
    }

    /** {@code value} read on the FX thread (a Task may only be read there). */
    private static <T> T onFx(java.util.concurrent.Callable<T> value) throws Exception {
        return WaitForAsyncUtils.asyncFx(value).get(30, TimeUnit.SECONDS);
    }

    private static <T> T onFxUnchecked(java.util.concurrent.Callable<T> value) {
        try {
            return onFx(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The texts of the notification popups on screen. */
    private static List<String> notificationTexts(FxRobot robot) {
        return robot.lookup(".notification-bar .label").queryAll().stream()
                .map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && !t.isBlank())
                .toList();
    }

    private Recording recordingOf(Path file) {
        return vm.explorer().recordings().stream()
                .filter(r -> r.file().equals(file.toAbsolutePath().normalize()))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aRunShowsItsProgressThenOpensTheRecordingAndSaysSo(FxRobot robot) throws Exception {
        Path out = dir.resolve("run.sqlite");
        RunTask task = run(robot, "ok", out);
        assertThat(robot.lookup("#runProgressTab").tryQuery()).isPresent();
        waitFor(() -> runs.noticeProperty().get() != null);

        RunNotice notice = runs.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(RunNotice.Kind.SUCCEEDED);
        waitFor(() -> onFxUnchecked(task::getState) == Worker.State.SUCCEEDED);
        assertThat(onFx(() -> task.getValue().succeeded())).isTrue();
        assertThat(onFx(task::getProgress)).isEqualTo(1.0);
        Recording opened = recordingOf(out);
        assertThat(opened).isNotNull();
        assertThat(notice.text())
                .isEqualTo("opened run.sqlite (" + opened.runs().size() + " runs)");
        assertThat(vm.explorer().recordings()).hasSize(2);
        waitFor(() -> notificationTexts(robot).contains(notice.text()));
        assertThat(vm.console().text()).contains("fake runner: no GPU work is done");
        assertThat(runs.runningProperty().get()).isFalse();
    }

    @Test
    void aFailedRunNotifiesTheReasonLine(FxRobot robot) throws Exception {
        RunTask task = run(robot, "fail", dir.resolve("fail.sqlite"));
        waitFor(() -> runs.noticeProperty().get() != null);

        RunNotice notice = runs.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(RunNotice.Kind.FAILED);
        assertThat(notice.text()).isEqualTo(FakeGpuRunner.REASON);
        waitFor(() -> onFxUnchecked(task::getState) == Worker.State.SUCCEEDED);
        assertThat(onFx(() -> task.getValue().exitCode())).isEqualTo(1);
        waitFor(() -> notificationTexts(robot).contains(FakeGpuRunner.REASON));
        assertThat(vm.problems().items())
                .extracting(ProblemItem::message)
                .anyMatch(m -> m.contains(FakeGpuRunner.REASON));
        assertThat(vm.explorer().recordings()).hasSize(1);
    }

    @Test
    void cancelInTheProgressViewStopsTheRunAndOpensWhatItKept(FxRobot robot) throws Exception {
        Path out = dir.resolve("partial.sqlite");
        RunTask task = run(robot, "hang", out);
        waitFor(() -> vm.console().text().contains(FakeGpuRunner.GRANDCHILD));
        long grandchild = Long.parseLong(vm.console().lines().stream()
                .filter(l -> l.startsWith(FakeGpuRunner.GRANDCHILD))
                .findFirst()
                .orElseThrow()
                .substring(FakeGpuRunner.GRANDCHILD.length()));
        // the runner's last line before it hangs: run 1 written, half of all the work
        waitFor(() -> onFxUnchecked(task::getMessage).startsWith("write unfused b=1 graph (run 1/2)"));
        assertThat(onFx(task::getProgress)).isEqualTo(0.5);
        Node cancel = robot.lookup("#runTasks .task-cancel-button").query();
        assertThat(cancel.isVisible()).isTrue();

        robot.clickOn(cancel);
        waitFor(() -> runs.noticeProperty().get() != null);

        RunNotice notice = runs.noticeProperty().get();
        assertThat(notice.kind()).isEqualTo(RunNotice.Kind.STOPPED);
        assertThat(notice.text()).isEqualTo("kept the partial recording: opened partial.sqlite (1 of 2 runs complete)");
        assertThat(onFx(task::getState)).isEqualTo(Worker.State.CANCELLED);
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        Recording partial = recordingOf(out);
        assertThat(partial.runs()).extracting(RunInfo::isComplete).containsExactly(true, false);
        assertThat(vm.explorer().recordings())
                .as("the golden recording is still open")
                .hasSize(2);
        assertThat(vm.console().text())
                .contains("fake runner: no GPU work is done")
                .contains("Run stopped");
        assertThat(vm.problems().items()).anySatisfy(p -> assertThat(p.code()).isEqualTo("incomplete-run"));
        assertThat(robot.lookup("#runTasks .task-cancel-button").tryQuery()).isEmpty();
    }
}

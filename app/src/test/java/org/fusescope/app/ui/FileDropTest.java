package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.fusescope.app.Golden;
import org.fusescope.app.data.Recording;
import org.fusescope.app.fixtures.NsysExport;
import org.fusescope.app.fixtures.SyntheticDrag;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.problems.ProblemItem;
import org.fusescope.app.timeline.Lane;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.workbench.Background;
import org.fusescope.app.workbench.RunController;
import org.fusescope.app.workbench.Themes;
import org.fusescope.app.workbench.WorkbenchView;
import org.fusescope.app.workbench.WorkbenchViewModel;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Files dropped on the workbench window, as a drag-and-drop gesture delivers them, headless. */
@ExtendWith(ApplicationExtension.class)
class FileDropTest {
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
        vm.open(Golden.file(), null);
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

    private void goldenLoaded() throws TimeoutException {
        waitFor(() -> vm.editors().size() == 1 && vm.pendingProperty().get() == 0);
    }

    /** Drags the board made by {@code board} (on the FX thread, as a dragboard must be) over the window and drops it. */
    private DragEvent drop(FxRobot robot, Supplier<Dragboard> dragboard) {
        DragEvent[] dropped = new DragEvent[1];
        robot.interact(() -> {
            Dragboard board = dragboard.get();
            assertThat(SyntheticDrag.over(view, board).getAcceptedTransferMode())
                    .isEqualTo(TransferMode.COPY);
            dropped[0] = SyntheticDrag.drop(view, board);
        });
        return dropped[0];
    }

    @Test
    void droppingFilesThatAreNoTraceDatabaseSaysWhyInProblemsAndChangesNothingOpen(FxRobot robot) throws Exception {
        goldenLoaded();
        Path text = Files.writeString(dir.resolve("notes.txt"), "grouped_gemm1 took 12 us");
        Path otherDb = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherDb)) {
            c.createStatement().execute("CREATE TABLE accounts (id INTEGER, name TEXT)");
        }
        List<Recording> recordings = List.copyOf(vm.explorer().recordings());
        List<Object> editors = List.copyOf(vm.editors());
        Object active = vm.activeEditorProperty().get();
        Object activeRun = vm.selection().activeRun();
        List<Path> recent = vm.prefs().recentFiles();

        DragEvent dropped = drop(robot, () -> SyntheticDrag.files(List.of(text.toFile(), otherDb.toFile())));
        waitFor(() -> vm.problems().items().size() == 2 && vm.pendingProperty().get() == 0);

        assertThat(dropped.isDropCompleted()).isTrue();
        assertThat(vm.problems().items())
                .extracting(ProblemItem::message)
                .containsExactlyInAnyOrder(
                        text.toAbsolutePath() + ": not an SQLite database",
                        otherDb.toAbsolutePath()
                                + ": not a trace database (neither FS_RUNS nor CUPTI_ACTIVITY_KIND_KERNEL table)");
        assertThat(vm.problems().items())
                .allSatisfy(p -> assertThat(p.navigable()).isFalse());
        assertThat(vm.statusProperty().get()).startsWith("Cannot open ");
        TabPane problemsDock = (TabPane) view.lookup("#bottomDock");
        assertThat(problemsDock.getSelectionModel().getSelectedItem().getId()).isEqualTo("problemsTab");
        assertThat(vm.explorer().recordings()).containsExactlyElementsOf(recordings);
        assertThat(vm.editors()).containsExactlyElementsOf(editors);
        assertThat(vm.activeEditorProperty().get()).isSameAs(active);
        assertThat(vm.selection().activeRun()).isSameAs(activeRun);
        assertThat(vm.prefs().recentFiles()).isEqualTo(recent);
    }

    @Test
    void onlyADragWithFilesIsAccepted(FxRobot robot) throws Exception {
        goldenLoaded();
        robot.interact(() -> assertThat(SyntheticDrag.over(view, SyntheticDrag.text("run.sqlite"))
                        .getAcceptedTransferMode())
                .isNull());
    }

    @Test
    void droppingAnNsysExportOpensItAndTheTimelineShowsItsKernels(FxRobot robot) throws Exception {
        goldenLoaded();
        Path db = NsysExport.build(dir);
        List<String> kernelNames = NsysExport.kernelNames(db);
        assertThat(kernelNames).isNotEmpty();

        drop(robot, () -> SyntheticDrag.files(List.of(db.toFile())));
        waitFor(() -> vm.activeEditorProperty().get() instanceof TimelineViewModel t
                && t.run().recording().nsys()
                && t.run().traceLoaded()
                && vm.pendingProperty().get() == 0);

        TimelineViewModel t = (TimelineViewModel) vm.activeEditorProperty().get();
        assertThat(t.run().recording().file()).isEqualTo(db.toAbsolutePath().normalize());
        assertThat(t.run().recording().label()).contains("(nsys export)");
        assertThat(t.data().kernelCount()).isEqualTo(kernelNames.size());
        assertThat(t.data().lanes().stream()
                        .filter(l -> l.kind() == Lane.LaneKind.GPU)
                        .mapToInt(Lane::size)
                        .sum())
                .isEqualTo(kernelNames.size());
        assertThat(t.run().trace().kernels()).extracting(KernelEvent::name).containsExactlyElementsOf(kernelNames);
        waitFor(() -> view.editors().activeTimeline() != null
                && view.editors().activeTimeline().canvas().lastRects() > 0);
        assertThat(vm.explorer().recordings()).hasSize(2);
        assertThat(vm.prefs().recentFiles())
                .first()
                .isEqualTo(db.toAbsolutePath().normalize());
        assertThat(new File(db.toString())).exists();
    }
}

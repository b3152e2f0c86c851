package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.fusescope.app.Golden;
import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.data.Recording;
import org.fusescope.app.prefs.WorkbenchPrefs;
import org.fusescope.app.timeline.TimelineCanvas;
import org.fusescope.app.timeline.TimelineLayout;
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

/** The real workbench window, headless under Monocle, driven by TestFX with the golden recording. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchSmokeTest {
    @TempDir
    static Path config;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        vm = new WorkbenchViewModel(
                new Background(workers, Platform::runLater), WorkbenchPrefs.load(config.resolve("prefs")));
        view = new WorkbenchView(vm, new RunController(vm));
        Scene scene = new Scene(view, 1500, 950);
        scene.getStylesheets()
                .add(WorkbenchView.class
                        .getResource("/org/fusescope/app/workbench.css")
                        .toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.open(Golden.file(), null);
    }

    @AfterEach
    void stop() {
        vm.dispose();
        workers.shutdownNow();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TimelineViewModel timeline() throws TimeoutException {
        waitFor(() -> !vm.editors().isEmpty() && vm.pendingProperty().get() == 0);
        return (TimelineViewModel) vm.editors().get(0);
    }

    @Test
    void openShowsTheKernelsOnTheTimeline(FxRobot robot) throws Exception {
        TimelineViewModel t = timeline();
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        assertThat(canvas.lastRects()).isGreaterThan(0);
        int lane = t.data().laneOfKernel(0);
        double y = t.layout().top(lane) + t.layout().height(lane) / 2;
        WritableImage image = robot.interact(() -> canvas.canvas().snapshot(null, null)) == null
                ? null
                : WaitForAsyncUtils.asyncFx(() -> canvas.canvas().snapshot(null, null))
                        .get();
        PixelReader pixels = image.getPixelReader();
        int coloured = 0;
        for (int x = (int) TimelineLayout.HEADER; x < image.getWidth(); x++) {
            javafx.scene.paint.Color c = pixels.getColor(x, (int) y);
            coloured += c.getSaturation() > 0.2 ? 1 : 0;
        }
        assertThat(coloured).as("kernel pixels in the GPU row").isGreaterThan(50);
        assertThat(robot.lookup("#runsExplorer")
                        .queryAs(javafx.scene.control.TreeView.class)
                        .getRoot()
                        .getChildren())
                .hasSize(1);
    }

    @Test
    void clickingAKernelShowsItsProperties(FxRobot robot) throws Exception {
        TimelineViewModel t = timeline();
        KernelEvent k = t.run().trace().kernels().get(3);
        robot.interact(() -> {
            t.window().focus(k.startNs(), k.endNs());
            t.revisionProperty().set(t.revisionProperty().get() + 1);
        });
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAs(TimelineCanvas.class);
        double plotW = canvas.getWidth() - TimelineLayout.HEADER;
        int lane = t.data().laneOfKernel(3);
        Point2D at = canvas.localToScreen(
                TimelineLayout.HEADER + t.window().xOf((k.startNs() + k.endNs()) / 2.0, plotW),
                t.layout().top(lane) + t.layout().height(lane) / 2);
        robot.clickOn(at);
        waitFor(() -> vm.selection().kernel() != null);
        assertThat(vm.selection().kernel().index()).isEqualTo(3);
        PropertySheet sheet = robot.lookup("#propertySheet").queryAs(PropertySheet.class);
        waitFor(() -> sheet.getItems().stream()
                .anyMatch(i -> i.getName().equals("Name") && k.name().equals(i.getValue())));
        assertThat(sheet.getItems()).anyMatch(i -> i.getName().equals("Grid"));
        TableView<?> stats = robot.lookup("#kernelStatsTable").queryAs(TableView.class);
        assertThat(stats.getSelectionModel().getSelectedItems()).hasSize(1);

        double span = t.window().spanNs();
        robot.interact(canvas::requestFocus);
        robot.type(javafx.scene.input.KeyCode.W);
        waitFor(() -> t.window().spanNs() < span);
    }

    @Test
    void compareShowsTheSpeedUpRow(FxRobot robot) throws Exception {
        timeline();
        Recording r = vm.explorer().recordings().get(0);
        robot.interact(() -> vm.compare(r, 7, r, 8));
        waitFor(() -> vm.activeEditorProperty().get() instanceof CompareViewModel);
        TableView<List<Object>> groups = robot.lookup("#compareGroups").queryTableView();
        assertThat(groups.getItems()).anyMatch(row -> "add_rmsnorm".equals(row.get(0)));
        robot.interact(() -> groups.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                org.fusescope.app.tools.Snapshots.writePng(view.getScene(), Path.of("target/compare-editor.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitFor(() -> !robot.lookup(".fs-faster").queryAll().isEmpty());
        assertThat(robot.lookup("#compareSummary").queryLabeled().getText()).contains("x)");
    }

    @Test
    void expertLoadShowsOneBarPerExpert(FxRobot robot) throws Exception {
        timeline();
        // the tab's header names the run it shows: "Expert load — unfused b=1 graph"
        // (its tab header, not its button on the bottom stripe)
        robot.clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && !(n instanceof javafx.scene.control.ToggleButton)
                && l.getText() != null
                && l.getText().startsWith("Expert load"));
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#expertBars").queryAs(BarChart.class);
        int experts = vm.experts().bars().size();
        assertThat(experts).isGreaterThan(1);
        waitFor(() ->
                chart.getData().size() == 1 && chart.getData().get(0).getData().size() == experts);
        assertThat(robot.lookup("#expertBars .chart-bar").queryAll())
                .filteredOn(n -> !((javafx.scene.Node) n).getStyleClass().contains("bar-legend-symbol"))
                .hasSize(experts);
        long hot = java.util.stream.IntStream.range(0, experts)
                .filter(vm.experts()::hot)
                .count();
        assertThat(robot.lookup(".fs-hot-expert").queryAll()).hasSize((int) hot);
        assertThat(robot.lookup("#expertFigures").queryLabeled().getText()).contains("imbalance");
    }
}

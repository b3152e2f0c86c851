package org.fusescope.app.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.app.timeline.TimelineViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Expert load window of a fused run, drawn: the shared expert does not set the scale of the others. */
@ExtendWith(ApplicationExtension.class)
class ExpertLoadViewTest {
    private final RecordingService service = new RecordingService();
    private final Selection selection = new Selection();
    private ExpertLoadViewModel vm;
    private OpenRun fused;

    @Start
    void start(Stage stage) {
        fused = Golden.run(service, 6); // fused b=16 graph: shared expert appended as expert E
        vm = new ExpertLoadViewModel(selection);
        stage.setScene(new Scene(new ExpertLoadView(vm), 1200, 600));
        stage.show();
        vm.show(fused, ExpertLoadViewModel.analyze(fused));
    }

    @AfterEach
    void close() {
        service.close();
    }

    private static void assertColor(PixelReader pixels, double x, double y, Color expected) {
        Color c = pixels.getColor((int) x, (int) y);
        assertThat(c.getRed()).as("red at %s,%s", x, y).isCloseTo(expected.getRed(), within(0.02));
        assertThat(c.getGreen()).as("green at %s,%s", x, y).isCloseTo(expected.getGreen(), within(0.02));
        assertThat(c.getBlue()).as("blue at %s,%s", x, y).isCloseTo(expected.getBlue(), within(0.02));
    }

    @Test
    void theSharedExpertRunsOffTheBarScaleAndIsSetApartInTheHeatMap(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        RoutedLoad routed = vm.routedLoad();
        assertThat(routed.hasShared()).isTrue();
        NumberAxis y =
                (NumberAxis) robot.lookup("#expertBars").queryAs(BarChart.class).getYAxis();
        assertThat(y.isAutoRanging()).isFalse();
        assertThat(y.getUpperBound()).isEqualTo(Math.ceil(routed.max() * 1.15)).isLessThan(routed.sharedSlots());
        assertThat(robot.lookup("#expertBars .fs-shared-expert").queryAll()).hasSize(1);

        Canvas canvas = robot.lookup("#expertHeatMap").queryAs(Canvas.class);
        WritableImage image =
                WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        PixelReader pixels = image.getPixelReader();
        double[][] map = vm.heatMap();
        HeatScale scale = vm.heatScale();
        double rowHeight = (image.getHeight() - HeatMap.LEGEND_HEIGHT) / map.length;
        double cellWidth = (image.getWidth() - 8 - 18) / scale.routed();
        // the routed expert with the largest mean gets the top colour: the scale is theirs
        for (int l = 0; l < map.length; l++) {
            for (int e = 0; e < scale.routed(); e++) {
                if (map[l][e] == scale.max()) {
                    assertColor(pixels, e * cellWidth + cellWidth / 2, l * rowHeight + rowHeight / 2, HeatMap.color(1));
                }
            }
        }
        // the shared column, above the scale: clipped to the top colour, with a white ▲ in the middle
        double sharedLeft = image.getWidth() - 18;
        double firstRowMiddle = rowHeight / 2;
        assertColor(pixels, sharedLeft + 9, firstRowMiddle, Color.WHITE);
        assertColor(pixels, sharedLeft + 2, firstRowMiddle, HeatMap.color(1));
    }

    @Test
    void theTopListAndABarsTooltipTellExpertTokensAndShare(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<ExpertShare> top = robot.lookup("#expertTop").queryTableView();
        assertThat(top.getItems()).isEqualTo(vm.topExperts()).isNotEmpty();
        assertThat(top.getItems().get(0).count()).isEqualTo(vm.routedLoad().max());
        assertThat(robot.lookup("#expertHotRule").queryLabeled().getText())
                .contains("≥ " + vm.hotThreshold() + " tokens");

        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#expertBars").queryAs(BarChart.class);
        int expert = top.getItems().get(0).expert();
        Node bar = chart.getData().get(0).getData().get(expert).getNode();
        robot.moveTo(bar);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w ->
                        w instanceof Tooltip t && t.isShowing() && t.getText().equals(vm.describe(expert))));
        assertThat(vm.describe(expert)).startsWith("expert " + expert + ": ").contains("% of");
    }

    @Test
    void clickingATopExpertSelectsTheGroupedGemmAndTheTimelineShowsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TimelineViewModel timeline = new TimelineViewModel(fused, selection);
        // look far from the layer's grouped GEMMs: at the very start, 1 µs wide
        robot.interact(() -> timeline.window()
                .show(timeline.window().minNs(), timeline.window().minNs() + 1000));
        int gemm = vm.groupedGemmKernels().get(0);
        long start = fused.timeline().columns().kernels().starts()[gemm];
        assertThat(start).isGreaterThan((long) timeline.window().endNs());

        robot.clickOn(robot.lookup("#expertTop .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selection.kernel()).isNotNull();
        assertThat(selection.kernel().index()).isEqualTo(gemm);
        assertThat(selection.kernel().kernel().attribution().op()).startsWith("grouped_gemm");
        assertThat(selection.kernel().kernel().attribution().layer())
                .isEqualTo(vm.layerProperty().get());
        assertThat(selection.kernel().kernel().attribution().step())
                .isEqualTo(vm.stepProperty().get());
        assertThat((double) start)
                .isBetween(timeline.window().startNs(), timeline.window().endNs());
    }
}

package org.fusescope.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.app.timeline.TimelineCanvas;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.workbench.Themes;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.analysis.StepSpans;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compare editor on the H100 sample's unfused and fused b=16 graph runs, headless under Monocle. */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    @TempDir
    static Path dir;

    private RecordingService service;
    private CompareViewModel vm;
    private CompareView view;

    @Start
    void start(Stage stage) {
        Themes.apply(false);
        service = new RecordingService();
        Recording recording = service.open(Samples.copyTo(Samples.H100_MOE, dir));
        vm = CompareViewModel.load(
                service,
                recording,
                id(recording, "unfused b=16 graph"),
                recording,
                id(recording, "fused b=16 graph"),
                new Selection());
        view = new CompareView(vm);
        stage.setScene(new Scene(view, 1400, 950));
        stage.show();
    }

    private static long id(Recording recording, String name) {
        return recording.runs().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @AfterEach
    void close() {
        service.close();
    }

    private List<TimelineCanvas> canvases(FxRobot robot) {
        return robot.lookup(n -> n instanceof TimelineCanvas).queryAllAs(TimelineCanvas.class).stream()
                .toList();
    }

    /** The screen x of the start of {@code step} in the timeline drawn by {@code canvas}. */
    private static double stepX(TimelineCanvas canvas, TimelineViewModel timeline, int step) {
        StepSpans.Span span = StepSpans.of(timeline.run().trace()).stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow();
        double plotW = canvas.getWidth() - TimelineLayout.HEADER;
        return canvas.localToScreen(0, 0).getX()
                + TimelineLayout.HEADER
                + timeline.window().xOf(span.startNs(), plotW);
    }

    /** The long verdict line gives way: in a narrow window the step picker keeps its width and its label. */
    @Test
    void theStepPickerIsNeverSqueezedByTheVerdictLine(FxRobot robot) {
        robot.interact(() -> view.getScene().getWindow().setWidth(700));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<Integer> picker = robot.lookup("#compareStep").queryAs(ComboBox.class);
        javafx.scene.control.Label align = robot.lookup((javafx.scene.Node n) ->
                        n instanceof javafx.scene.control.Label l && l.getText().startsWith("Align"))
                .queryAs(javafx.scene.control.Label.class);
        assertThat(picker.getWidth()).isGreaterThanOrEqualTo(picker.prefWidth(-1) - 0.5);
        assertThat(align.getWidth()).isGreaterThanOrEqualTo(align.prefWidth(-1) - 0.5);
        javafx.scene.control.Label summary = robot.lookup("#compareSummary").queryAs(javafx.scene.control.Label.class);
        assertThat(summary.getTooltip().getText()).isEqualTo(summary.getText());
    }

    @Test
    void stepNOfBothRunsStartsAtTheSameX(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Integer> picker = robot.lookup("#compareStep").queryAs(ComboBox.class);
        assertThat(picker.getItems()).hasSize(20);
        robot.interact(() -> picker.setValue(7));
        WaitForAsyncUtils.waitForFxEvents();
        List<TimelineCanvas> canvases = canvases(robot);
        assertThat(canvases).hasSize(2);
        double top = stepX(canvases.get(0), vm.topTimeline(), 7);
        double bottom = stepX(canvases.get(1), vm.bottomTimeline(), 7);
        assertThat(bottom).isCloseTo(top, org.assertj.core.api.Assertions.within(0.5));
        // step 7 starts at different times in the two runs, so equal x is the alignment, not chance
        assertThat(vm.topTimeline().window().startNs())
                .isNotEqualTo(vm.bottomTimeline().window().startNs());

        robot.interact(() -> vm.topTimeline().zoomIn());
        robot.interact(() -> vm.topTimeline().panRight());
        assertThat(stepX(canvases.get(1), vm.bottomTimeline(), 7))
                .isCloseTo(stepX(canvases.get(0), vm.topTimeline(), 7), org.assertj.core.api.Assertions.within(0.5));
    }

    @Test
    void selectingAGroupRowHighlightsItsKernelsInBothRunsAndZoomsToThem(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<List<Object>> table = robot.lookup("#compareGroups").queryAs(TableView.class);
        int row = indexOf(table, "add_rmsnorm");
        double spanBefore = vm.topTimeline().window().spanNs();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(groupsOf(vm.topTimeline())).containsExactly("add_rmsnorm");
        assertThat(opsOf(vm.topTimeline())).containsExactlyInAnyOrder("residual_add", "rmsnorm");
        assertThat(groupsOf(vm.bottomTimeline())).containsExactly("add_rmsnorm");
        assertThat(opsOf(vm.bottomTimeline())).containsExactly("fused_add_rmsnorm");
        assertThat(vm.topTimeline().window().spanNs()).isLessThan(spanBefore / 10);
        for (TimelineViewModel timeline : List.of(vm.topTimeline(), vm.bottomTimeline())) {
            for (int k : timeline.highlighted()) {
                KernelEvent kernel = timeline.run().trace().kernels().get(k);
                assertThat(kernel.attribution().step())
                        .isEqualTo(vm.stepProperty().get());
                assertThat((double) kernel.startNs())
                        .isBetween(
                                timeline.window().startNs(), timeline.window().endNs());
            }
        }
        assertThat(vm.connectors())
                .filteredOn(CompareViewModel.Connector::selected)
                .hasSize(2);
    }

    @Test
    void clickingAKernelSelectsItsGroupInTheTable(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<List<Object>> table = robot.lookup("#compareGroups").queryAs(TableView.class);
        TimelineViewModel bottom = vm.bottomTimeline();
        int gemm = bottom.run().firstKernelNamed("grouped_gemm2_tcp_kernel");
        assertThat(gemm).isNotNegative();
        robot.interact(() -> bottom.select(gemm));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.selectedGroupProperty().get()).isEqualTo("grouped_gemm2");
        assertThat(table.getSelectionModel().getSelectedItem().get(0)).isEqualTo("grouped_gemm2");
        assertThat(groupsOf(vm.topTimeline())).containsExactly("grouped_gemm2");
    }

    @Test
    void aWithinNoiseGroupSaysSoWithItsSpread(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<List<Object>> table = robot.lookup("#compareGroups").queryAs(TableView.class);
        int row = indexOf(table, "grouped_gemm2");
        assertThat(table.getItems().get(row).get(1)).isEqualTo("within noise");
        assertThat(vm.rowStyle(table.getItems().get(row))).isNull();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        WaitForAsyncUtils.waitForFxEvents();
        String text = robot.lookup("#compareVerdict").queryAs(Label.class).getText();
        assertThat(text)
                .startsWith("grouped_gemm2: within noise (")
                .contains("IQR")
                .contains("95 % interval");

        int removed = indexOf(table, "shared_expert");
        robot.interact(() -> table.getSelectionModel().clearAndSelect(removed));
        assertThat(robot.lookup("#compareVerdict").queryAs(Label.class).getText())
                .contains("removed")
                .contains("its work moved into grouped_gemm1, silu_and_mul, grouped_gemm2 (shared_as_expert)");
        assertThat(vm.rowStyle(table.getItems().get(removed))).isEqualTo("fs-removed");
    }

    @Test
    void thePlainWheelScrollsTheEditorAndOnlyCtrlWheelZooms(FxRobot robot) {
        TimelineCanvas canvas = canvases(robot).get(0);
        Node timelines = robot.lookup("#compareTimelines").query();
        int[] bubbled = new int[1];
        robot.interact(() -> timelines.addEventHandler(ScrollEvent.SCROLL, e -> bubbled[0]++));
        double span = vm.topTimeline().window().spanNs();

        robot.interact(() -> Event.fireEvent(canvas, wheel(canvas, false)));
        assertThat(vm.topTimeline().window().spanNs()).isEqualTo(span);
        assertThat(bubbled[0]).as("the plain wheel goes on to the scroll pane").isEqualTo(1);

        robot.interact(() -> Event.fireEvent(canvas, wheel(canvas, true)));
        assertThat(vm.topTimeline().window().spanNs()).isLessThan(span);
        assertThat(bubbled[0]).as("Ctrl+wheel zooms and stops there").isEqualTo(1);
    }

    private static ScrollEvent wheel(TimelineCanvas canvas, boolean ctrl) {
        double x = canvas.getWidth() / 2;
        double y = canvas.getHeight() / 2;
        return new ScrollEvent(
                canvas,
                canvas,
                ScrollEvent.SCROLL,
                x,
                y,
                x,
                y,
                false,
                ctrl,
                false,
                false,
                false,
                false,
                0,
                40,
                0,
                40,
                ScrollEvent.HorizontalTextScrollUnits.NONE,
                0,
                ScrollEvent.VerticalTextScrollUnits.NONE,
                0,
                0,
                null);
    }

    @Test
    void theDarkThemeCoversBothTimelinesAndTheConnectors(FxRobot robot) {
        robot.interact(() -> Themes.darkProperty().set(true));
        try {
            for (TimelineCanvas canvas : canvases(robot)) {
                assertThat(canvas.darkProperty().get()).isTrue();
                javafx.scene.image.WritableImage image = snapshot(robot, canvas);
                // the last pixel row is background, below every lane
                assertThat(image.getPixelReader()
                                .getColor((int) image.getWidth() - 2, (int) image.getHeight() - 1)
                                .getBrightness())
                        .isLessThan(0.3);
            }
            Node strip = robot.lookup("#compareConnectors").query();
            javafx.scene.image.WritableImage band = snapshot(robot, strip);
            assertThat(band.getPixelReader().getColor(2, 2).getBrightness()).isLessThan(0.3);
        } finally {
            robot.interact(() -> Themes.darkProperty().set(false));
        }
    }

    private static javafx.scene.image.WritableImage snapshot(FxRobot robot, Node node) {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        return image[0];
    }

    private static int indexOf(TableView<List<Object>> table, String group) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).get(0).equals(group)) {
                return i;
            }
        }
        throw new AssertionError(group + " is no row");
    }

    private static Set<String> groupsOf(TimelineViewModel timeline) {
        return java.util.Arrays.stream(timeline.highlighted())
                .mapToObj(k ->
                        timeline.run().trace().kernels().get(k).attribution().fusionGroup())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> opsOf(TimelineViewModel timeline) {
        return java.util.Arrays.stream(timeline.highlighted())
                .mapToObj(k ->
                        timeline.run().trace().kernels().get(k).attribution().op())
                .collect(java.util.stream.Collectors.toSet());
    }
}

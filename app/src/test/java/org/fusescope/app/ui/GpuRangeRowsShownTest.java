package org.fusescope.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.app.fixtures.ShownWorkbench.onFx;
import static org.fusescope.app.fixtures.ShownWorkbench.waitFor;

import java.util.List;
import javafx.scene.image.WritableImage;
import org.fusescope.app.data.Recording;
import org.fusescope.app.timeline.Lane;
import org.fusescope.app.timeline.Palette;
import org.fusescope.app.timeline.TimelineCanvas;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.app.timeline.TimelineView;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.profiler.model.RangeLevel;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Opening a graph run shows its layer and op rows on the GPU's time, drawn in the range colours,
 * and an eager run of the same variant shows the same rows with as many op ranges.
 */
class GpuRangeRowsShownTest extends WorkbenchWindowTest {
    private static final List<String> ROWS = List.of("layer (GPU)", "op (GPU)");

    @Test
    void aGraphRunShowsLayerAndOpRowsLikeItsEagerRun(FxRobot robot) throws Exception {
        workbench.waitUntilIdle();
        TimelineViewModel graph = timelineInFront(robot);
        assertThat(graph.run().info().name()).isEqualTo("unfused b=1 graph");
        // the golden recording: 2 layers × 3 steps, 96 ops
        assertThat(rows(graph)).extracting(Lane::label).containsExactlyElementsOf(ROWS);
        assertThat(rows(graph)).extracting(Lane::size).containsExactly(6, 96);
        assertDrawn(robot, graph, rows(graph).get(0), RangeLevel.LAYER);
        assertDrawn(robot, graph, rows(graph).get(1), RangeLevel.OP);

        Recording r = workbench.vm().explorer().recordings().get(0);
        robot.interact(() -> workbench.vm().openRun(r, 3)); // unfused b=1 eager
        waitFor(() -> workbench.vm().activeEditorProperty().get() instanceof TimelineViewModel t
                && t.run().info().id() == 3
                && !t.run().timeline().pending()
                && workbench.vm().pendingProperty().get() == 0);
        TimelineViewModel eager = timelineInFront(robot);
        assertThat(rows(eager)).extracting(Lane::label).containsExactlyElementsOf(ROWS);
        assertThat(rows(eager)).extracting(Lane::size).containsExactly(6, 96);
        assertDrawn(robot, eager, rows(eager).get(1), RangeLevel.OP);
    }

    private TimelineViewModel timelineInFront(FxRobot robot) throws Exception {
        TimelineViewModel vm = onFx(
                () -> (TimelineViewModel) workbench.vm().activeEditorProperty().get());
        robot.interact(vm::refreshTimeline);
        return vm;
    }

    private static List<Lane> rows(TimelineViewModel vm) {
        return vm.data().lanes().stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU_RANGE)
                .toList();
    }

    /** The canvas in front paints the row's longest range in the colour of {@code level}'s ranges. */
    private static void assertDrawn(FxRobot robot, TimelineViewModel vm, Lane row, RangeLevel level) throws Exception {
        int longest = 0;
        for (int i = 1; i < row.size(); i++) {
            if (row.ends()[i] - row.starts()[i] > row.ends()[longest] - row.starts()[longest]) {
                longest = i;
            }
        }
        long mid = (row.starts()[longest] + row.ends()[longest]) / 2;
        int lane = vm.data().lanes().indexOf(row);
        TimelineCanvas canvas = robot.lookup("#timelineCanvas").queryAllAs(TimelineCanvas.class).stream()
                .filter(c -> c.getParent() instanceof TimelineView v && v.viewModel() == vm)
                .findFirst()
                .orElseThrow();
        int rgb = onFx(() -> {
            canvas.draw();
            WritableImage image = canvas.canvas().snapshot(null, null);
            double plotWidth = canvas.canvas().getWidth() - TimelineLayout.HEADER;
            int x = (int) (TimelineLayout.HEADER + vm.window().xOf((double) mid, plotWidth));
            // above the label drawn across the middle of the row
            int y = (int) vm.layout().top(lane) + 2;
            return image.getPixelReader().getArgb(x, y) & 0xffffff;
        });
        assertThat(Integer.toHexString(rgb))
                .as("%s at its longest range", row.label())
                .isEqualTo(Integer.toHexString(Palette.rgb(Palette.range(level))));
    }
}

package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class RangeProjectionTest {
    @Test
    void projectsKernelsLaunchedInsideTheRangeOnItsThread() {
        RunTrace trace = TraceFixture.trace()
                .range(0, 1000, "layer 0", RangeLevel.LAYER, TraceFixture.TID)
                .launch(100, 150, 1)
                .launch(200, 250, 2)
                .call(300, 350, 2, 3, "cuLaunchKernel") // another thread: not in the range
                .kernel(1000, 3000, 7, 1, "a")
                .kernel(2000, 4000, 8, 2, "b") // overlaps "a" on another stream
                .kernel(5000, 6000, 7, 3, "c")
                .range(10_000, 11_000, "layer 0", RangeLevel.LAYER, TraceFixture.TID)
                .launch(10_100, 10_150, 4)
                .kernel(12_000, 12_500, 7, 4, "a")
                .range(20_000, 21_000, "empty", RangeLevel.OP, TraceFixture.TID)
                .build();
        RangeProjection projection = RangeProjection.of(trace);

        List<ProjectedRange> ranges = projection.ranges();
        assertThat(ranges).hasSize(2);
        ProjectedRange first = ranges.get(0);
        assertThat(first.projectedStartNs()).isEqualTo(1000);
        assertThat(first.projectedEndNs()).isEqualTo(4000);
        assertThat(first.gpuBusyNs()).isEqualTo(3000); // union, the sum would be 4000
        assertThat(first.kernels()).isEqualTo(2);

        assertThat(projection.aggregates()).hasSize(1);
        RangeAggregate layer = projection.aggregates().get(0);
        assertThat(layer.text()).isEqualTo("layer 0");
        assertThat(layer.level()).isEqualTo(RangeLevel.LAYER);
        assertThat(layer.instances()).isEqualTo(2);
        assertThat(layer.kernels()).isEqualTo(3);
        assertThat(layer.totalBusyNs()).isEqualTo(3500);
        assertThat(layer.avgBusyNs()).isEqualTo(1750.0);
        assertThat(layer.totalSpanNs()).isEqualTo(3500);

        ResultTable table = projection.toTable();
        assertThat(table.value(0, "Level")).isEqualTo("LAYER");
        assertThat(table.value(0, "Avg Span")).isEqualTo(1750.0);
    }

    @Test
    void graphLaunchBringsAllKernelsSharingItsCorrelationId() {
        RunTrace trace = TraceFixture.trace()
                .range(0, 100, "step 0", RangeLevel.STEP, TraceFixture.TID)
                .call(10, 20, TraceFixture.TID, 9, "cuGraphLaunch")
                .kernel(200, 300, 1, 9, "a")
                .kernel(300, 450, 1, 9, "b")
                .kernel(500, 600, 1, 9, "c")
                .build();
        ProjectedRange step = RangeProjection.of(trace).ranges().get(0);
        assertThat(step.kernels()).isEqualTo(3);
        assertThat(step.gpuBusyNs()).isEqualTo(350);
        assertThat(step.projectedSpanNs()).isEqualTo(400);
    }
}

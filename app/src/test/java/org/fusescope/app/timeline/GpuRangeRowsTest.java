package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.SampleRecordings;
import org.fusescope.app.data.Selection;
import org.fusescope.app.fixtures.NsysExport;
import org.fusescope.profiler.analysis.ProjectedRange;
import org.fusescope.profiler.analysis.RangeProjection;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer and op rows on the GPU's time, on the golden recording and the bundled 4-layer H100
 * sample: a graph run gets a layer range per layer and measured step and as many op ranges as the
 * eager run of its variant and batch; an eager run's rows are its recorded NVTX layer and op ranges
 * projected onto the GPU (first kernel start to last kernel end), range for range.
 */
class GpuRangeRowsTest {
    private static final String FOUR_LAYERS = "/org/fusescope/assets/samples/h100-layers4.sqlite";

    @Test
    void goldenRecordingRunsHaveLayerAndOpRowsOnTheGpu() {
        assertRows(Golden.file(), 8);
    }

    @Test
    void fourLayerSampleRunsHaveLayerAndOpRowsOnTheGpu() {
        SampleRecordings.Sample sample = SampleRecordings.firstStart(FOUR_LAYERS);
        assertThat(sample.bundled()).isTrue();
        assertRows(sample.file(), 12);
    }

    /** A recording without attribution (its table dropped, as before attribution existed) and an nsys export. */
    @Test
    void recordingsWithoutAttributionOpenWithoutRowsOnTheGpu(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("no-attribution.sqlite");
        Files.copy(Golden.file(), old);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE FS_KERNEL_ATTRIBUTION");
        }
        for (Path file : List.of(old, NsysExport.build(dir))) {
            try (RecordingService service = new RecordingService()) {
                Recording recording = service.open(file);
                for (RunInfo info : recording.runs()) {
                    TimelineData data = service.loadTimeline(recording, info.id())
                            .fullTimeline()
                            .join();
                    assertThat(data.lanes())
                            .as(file + ": " + info.name())
                            .noneMatch(l -> l.kind() == Lane.LaneKind.GPU_RANGE);
                    assertThat(data.lanes()).anyMatch(l -> l.kind() == Lane.LaneKind.GPU && l.size() > 0);
                    assertThat(data.gpuRanges().size()).isZero();
                }
            }
        }
    }

    @Test
    void clickingALayerOnTheGpuZoomsToItAndItsTooltipSaysWhereItComesFrom() {
        try (RecordingService service = new RecordingService()) {
            OpenRun graph = Golden.run(service, 5); // unfused b=16 graph
            TimelineViewModel vm = new TimelineViewModel(graph, new Selection());
            int row = vm.data().lanes().indexOf(row(vm.data(), "layer (GPU)"));
            Lane layers = vm.data().lanes().get(row);
            double width = 1000;
            double y = vm.layout().top(row) + vm.layout().height(row) / 2;
            double x = vm.window().xOf((layers.starts()[1] + layers.ends()[1]) / 2.0, width);

            assertThat(vm.describe(x, y, width))
                    .startsWith("layer 1\nlayer, ")
                    .endsWith("on the GPU, from its kernels' attribution");
            vm.click(x, y, width);

            // the layer's kernels and a margin, not the work its CPU range launched (a graph run records none)
            long span = layers.ends()[1] - layers.starts()[1];
            assertThat(vm.window().startNs()).isLessThanOrEqualTo((double) layers.starts()[1]);
            assertThat(vm.window().endNs()).isGreaterThanOrEqualTo((double) layers.ends()[1]);
            assertThat(vm.window().spanNs()).isLessThan(1.5 * span);
        }
    }

    private static void assertRows(Path file, int runs) {
        try (RecordingService service = new RecordingService()) {
            Recording recording = service.open(file);
            assertThat(recording.runs()).hasSize(runs);
            Map<String, Integer> eagerOps = new HashMap<>();
            Map<String, Integer> graphOps = new HashMap<>();
            for (RunInfo info : recording.runs()) {
                OpenRun run = service.loadTimeline(recording, info.id());
                TimelineData data = run.fullTimeline().join();
                RunTrace trace = run.trace();
                Lane layers = row(data, "layer (GPU)");
                Lane ops = row(data, "op (GPU)");
                assertThat(layers.size())
                        .as("%s: layers × steps", info.name())
                        .isEqualTo(info.layers() * measuredSteps(trace))
                        .isPositive();
                if (info.mode().equals("eager")) {
                    assertProjected(layers, trace, RangeLevel.LAYER);
                    assertProjected(ops, trace, RangeLevel.OP);
                    eagerOps.put(info.variant() + " b=" + info.batch(), ops.size());
                } else {
                    assertThat(info.mode()).isEqualTo("graph");
                    graphOps.put(info.variant() + " b=" + info.batch(), ops.size());
                }
            }
            assertThat(graphOps)
                    .as("op ranges of graph runs, as of their eager runs")
                    .isEqualTo(eagerOps);
            assertThat(graphOps).hasSize(runs / 2);
        }
    }

    /** The one row on the GPU's time headed {@code label}. */
    private static Lane row(TimelineData data, String label) {
        List<Lane> rows = data.lanes().stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU_RANGE && l.label().equals(label))
                .toList();
        assertThat(rows).as(data.run().name() + ": " + label).hasSize(1);
        return rows.get(0);
    }

    private static long measuredSteps(RunTrace trace) {
        return trace.kernels().stream()
                .filter(KernelEvent::hasAttribution)
                .mapToInt(k -> k.attribution().step())
                .filter(s -> s >= 0)
                .distinct()
                .count();
    }

    /** The row's ranges are the recorded ranges of {@code level} projected onto the GPU, in start order. */
    private static void assertProjected(Lane row, RunTrace trace, RangeLevel level) {
        List<ProjectedRange> projected = RangeProjection.of(trace).ranges().stream()
                .filter(p -> p.range().level() == level)
                .sorted((a, b) -> Long.compare(a.projectedStartNs(), b.projectedStartNs()))
                .toList();
        long[] starts =
                projected.stream().mapToLong(ProjectedRange::projectedStartNs).toArray();
        long[] ends =
                projected.stream().mapToLong(ProjectedRange::projectedEndNs).toArray();
        assertThat(row.starts()).as("%s %s starts", trace.run().name(), level).isEqualTo(starts);
        assertThat(row.ends()).as("%s %s ends", trace.run().name(), level).isEqualTo(ends);
        assertThat(Arrays.stream(row.colors()).distinct()).containsExactly(Palette.range(level));
    }
}

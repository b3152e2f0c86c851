package org.fusescope.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fusescope.app.timeline.Lane;
import org.fusescope.app.timeline.LodBuilder;
import org.fusescope.app.timeline.LodFrame;
import org.fusescope.app.timeline.Palette;
import org.fusescope.app.timeline.TimeWindow;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.app.timeline.TimelineText;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.profiler.analysis.KernelSummary;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.KernelDurations;
import org.fusescope.profiler.store.KernelOverview;
import org.fusescope.profiler.store.TimelineColumns;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.fusescope.profiler.synthetic.SyntheticTraceGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large run opens with an overview of its kernels: at the first zoom and the plot width it was
 * read for, its GPU rows draw the very frame that all the kernels draw, while nothing in it can be
 * taken for a kernel of the run; then the kernels replace it.
 */
class OverviewFirstFrameTest {
    private static final double[] WIDTHS = {300, 1470, 2533.0};

    @TempDir
    static Path dir;

    private static Path file;

    /**
     * Eight synthetic decode steps on two streams, with gaps between kernels and some kernels long
     * enough to be drawn one by one.
     */
    @BeforeAll
    static void write() throws Exception {
        SyntheticSpec one = SyntheticSpec.qwen3Next(1, SyntheticSpec.UNFUSED, SyntheticSpec.EAGER);
        SyntheticSpec spec = new SyntheticSpec(
                one.seed(),
                one.experts(),
                one.topK(),
                one.hidden(),
                one.intermediate(),
                one.sharedAsExpert(),
                one.layers(),
                8,
                one.batch(),
                one.variant(),
                one.mode(),
                one.startNs(),
                one.runId());
        RunTrace run = SyntheticTraceGenerator.generate(spec);
        file = dir.resolve("overview.sqlite");
        try (TraceWriter w = TraceWriter.create(file)) {
            w.writeRun(run);
        }
        long span = run.kernels().get(run.kernels().size() - 1).endNs()
                - run.kernels().get(0).startNs();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET streamId = 13 WHERE rowid % 3 = 0");
            // gaps between kernels, so that a column's first kernel is not hidden behind its left neighbour
            st.execute("UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET \"end\" = start + (\"end\" - start) / 8");
            st.execute(
                    "UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET \"end\" = start + " + span / 30 + " WHERE rowid % 37 = 0");
        }
    }

    @Test
    void firstFrameEqualsTheFrameOfAllKernelsAtTheWidthItWasReadFor() {
        try (RecordingService service = new RecordingService(1)) {
            Recording r = service.open(file);
            long id = r.runs().get(0).id();
            int labelled = 0;
            for (double width : WIDTHS) {
                OpenRun run = service.loadTimeline(r, id, width);
                TimelineData first = run.timeline();
                KernelOverview overview = first.overview();
                assertThat(overview).as("overview at %s px", width).isNotNull();
                // the frame of all kernels: the GPU rows once read, at the same first zoom
                run.startReading();
                TimelineData all = run.kernelTimeline().join();
                assertThat(all.overview()).isNull();
                assertThat(first.runKernelCount()).isEqualTo(all.kernelCount());
                // fewer kernels than the run's (far fewer where columns hold many), so that the equality
                // below is not trivial
                assertThat(overview.kernels().size())
                        .isLessThan(width < 1000 ? all.kernelCount() / 4 : all.kernelCount());
                assertThat(first.startNs()).isEqualTo(all.startNs());
                assertThat(first.endNs()).isEqualTo(all.endNs());
                List<Lane> a = gpu(first);
                List<Lane> b = gpu(all);
                assertThat(a).hasSize(2).hasSameSizeAs(b);
                // the rows do not move when the kernels arrive: the layer and op rows on the GPU's time wait
                // in their places
                assertThat(first.lanes()).extracting(Lane::kind).containsExactlyElementsOf(kinds(all));
                assertThat(first.lanes())
                        .filteredOn(l -> l.kind() == Lane.LaneKind.GPU_RANGE)
                        .extracting(Lane::label)
                        .containsExactly("layer (GPU)" + TimelineData.LOADING, "op (GPU)" + TimelineData.LOADING);
                for (int l = 0; l < a.size(); l++) {
                    assertThat(a.get(l).label()).isEqualTo(b.get(l).label() + TimelineData.OVERVIEW_LOADING);
                    labelled += assertSameFrame(first, a.get(l), all, b.get(l), width);
                }
            }
            assertThat(labelled).as("kernels wide enough to carry their names").isPositive();
        }
    }

    @Test
    void nothingOfTheOverviewPassesForAKernelOfTheRun() {
        try (RecordingService service = new RecordingService(1)) {
            Recording r = service.open(file);
            OpenRun run = service.loadTimeline(r, r.runs().get(0).id(), 1470);
            Selection selection = new Selection();
            TimelineViewModel vm = new TimelineViewModel(run, selection);
            assertThat(vm.data().overview()).isNotNull();
            assertThat(vm.data().kernelCount()).isZero();
            // drawing the overview starts the read of the kernels
            vm.drawn();
            assertThat(run.firstKernelNamed(
                            run.kernelTimeline().join().columns().kernels().name(0)))
                    .as("the run's own timeline has moved on to the kernels")
                    .isZero();
            // the editor still shows the overview until it takes the kernels in
            int gpu = vm.data().lanes().size() - 1;
            double y = vm.layout().top(gpu) + 1;
            Lane lane = vm.data().lanes().get(gpu);
            double x = 1470.0
                    * (lane.starts()[0] - vm.window().startNs())
                    / vm.window().spanNs();
            assertThat(Arrays.stream(lane.refs()).max().orElse(-1)).isNegative();
            assertThat(vm.describe(x, y, 1470)).contains("overview: kernels loading");
            vm.click(x, y, 1470);
            assertThat(selection.kernel()).isNull();
            assertThat(vm.find(lane.starts().length > 0 ? TimelineText.label(vm.data(), lane, 0) : "x"))
                    .isZero();
            vm.refreshTimeline();
            assertThat(vm.data().overview()).isNull();
            // the same place on the same stream's row now holds a kernel
            vm.click(x, vm.layout().top(vm.data().lanes().size() - 1) + 1, 1470);
            assertThat(selection.kernel()).isNotNull();
        }
    }

    @Test
    void theKernelsArriveEvenWhenNothingDrawsTheOverview() throws Exception {
        try (RecordingService service = new RecordingService(1)) {
            Recording r = service.open(file);
            OpenRun run = service.loadTimeline(r, r.runs().get(0).id(), 800);
            assertThat(run.timeline().overview()).isNotNull();
            TimelineData all = run.fullTimeline().get(30, TimeUnit.SECONDS);
            assertThat(all.kernelCount()).isEqualTo(run.timeline().runKernelCount());
            assertThat(run.timeline()).isSameAs(all);
        }
    }

    @Test
    void theStatisticsDurationsOfAnOverviewRunMatchItsKernels() throws Exception {
        try (RecordingService service = new RecordingService(1)) {
            Recording r = service.open(file);
            OpenRun run = service.loadTimeline(r, r.runs().get(0).id(), 800);
            assertThat(run.timeline().overview()).isNotNull();
            run.startReading();
            KernelDurations own = run.kernelDurations().get(30, TimeUnit.SECONDS);
            var kernels =
                    run.kernelTimeline().get(30, TimeUnit.SECONDS).columns().kernels();
            assertThat(own.size()).isEqualTo(kernels.size()).isPositive();
            assertThat(KernelSummary.ofDurations(own.names(), own.nameIds(), own.durations())
                            .toTable()
                            .rows())
                    .isEqualTo(KernelSummary.ofDurations(kernels.strings(), kernels.names(), durations(kernels))
                            .toTable()
                            .rows());
        }
    }

    @Test
    void smallRunsOpenWithTheirKernels() {
        try (RecordingService service = new RecordingService()) {
            Recording r = service.open(file);
            assertThat(service.loadTimeline(r, r.runs().get(0).id()).timeline().overview())
                    .isNull();
        }
    }

    private static List<Lane.LaneKind> kinds(TimelineData t) {
        return t.lanes().stream().map(Lane::kind).toList();
    }

    private static long[] durations(TimelineColumns.Kernels kernels) {
        long[] d = new long[kernels.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = kernels.ends()[i] - kernels.starts()[i];
        }
        return d;
    }

    private static List<Lane> gpu(TimelineData t) {
        return t.lanes().stream().filter(l -> l.kind() == Lane.LaneKind.GPU).toList();
    }

    /** Asserts that both lanes draw the same frame at the first zoom; returns the labelled items. */
    private static int assertSameFrame(TimelineData ta, Lane a, TimelineData tb, Lane b, double width) {
        TimeWindow window = new TimeWindow(ta.startNs(), ta.endNs());
        double nsPerPx = window.spanNs() / width;
        LodFrame fa = new LodFrame();
        LodFrame fb = new LodFrame();
        LodBuilder.build(a, window.startNs(), nsPerPx, (int) Math.ceil(width), fa);
        LodBuilder.build(b, window.startNs(), nsPerPx, (int) Math.ceil(width), fb);
        assertThat(fa.total()).isPositive();
        for (int k = 0; k < Palette.SIZE; k++) {
            assertThat(fa.count(k))
                    .as("%s: rectangles of key %d at %s px", a.label(), k, width)
                    .isEqualTo(fb.count(k));
            for (int i = 0; i < fa.count(k); i++) {
                assertThat(fa.x(k, i)).isEqualTo(fb.x(k, i));
                assertThat(fa.w(k, i)).isEqualTo(fb.w(k, i));
            }
        }
        assertThat(fa.labels()).isEqualTo(fb.labels());
        for (int j = 0; j < fa.labels(); j++) {
            assertThat(TimelineText.label(ta, a, fa.labelled(j))).isEqualTo(TimelineText.label(tb, b, fb.labelled(j)));
            assertThat(a.starts()[fa.labelled(j)]).isEqualTo(b.starts()[fb.labelled(j)]);
        }
        return fa.labels();
    }
}

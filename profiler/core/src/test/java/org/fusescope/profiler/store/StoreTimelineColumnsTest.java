package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The columnar timeline read path returns exactly what {@link TraceReader#load(long)} does, index for index. */
class StoreTimelineColumnsTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path dir;

    @Test
    void goldenRecordingColumnsMatchTheFullLoad() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("recording.sqlite"))) {
            assertThat(r.runs()).isNotEmpty();
            int attributed = 0;
            for (RunInfo run : r.runs()) {
                RunTrace full = r.load(run.id());
                TimelineColumns c = r.timelineColumns(run.id());
                assertSame(full, c);
                assertKernels(full.kernels(), r.kernelColumns(run.id()));
                attributed += (int) full.kernels().stream()
                        .filter(KernelEvent::hasAttribution)
                        .count();
            }
            assertThat(attributed).isPositive();
        }
    }

    @Test
    void twoStreamGoldenColumnsMatchTheFullLoad() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("two-streams.sqlite"))) {
            int twoStreamRuns = 0;
            for (RunInfo run : r.runs()) {
                RunTrace full = r.load(run.id());
                assertSame(full, r.timelineColumns(run.id()));
                twoStreamRuns += full.kernels().stream()
                                        .mapToInt(KernelEvent::streamId)
                                        .distinct()
                                        .count()
                                == 2
                        ? 1
                        : 0;
            }
            assertThat(twoStreamRuns).isPositive();
        }
    }

    @Test
    void goldenNsysExportColumnsMatchTheFullLoad() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("nsys-export.sqlite"))) {
            assertThat(r.isNsysExport()).isTrue();
            for (RunInfo run : r.runs()) {
                RunTrace full = r.load(run.id());
                TimelineColumns c = r.timelineColumns(run.id());
                assertThat(full.kernels()).isNotEmpty();
                assertSame(full, c);
                assertThat(c.kernels().ops()).containsOnly(-1);
            }
        }
    }

    @Test
    void unsortedRowsComeBackInTheFullLoadsOrder() throws Exception {
        Random rnd = new Random(5);
        RunTrace t = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "r", 0, 1L << 40, RunStatus.COMPLETE),
                TraceFixtures.device(rnd, 0),
                300,
                0);
        Path file = dir.resolve("t.sqlite");
        long id;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            id = w.writeRun(t);
        }
        // Rewrite the kernel table in reverse start order, with ties, so the reader must sort stably.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tmp AS SELECT * FROM CUPTI_ACTIVITY_KIND_KERNEL ORDER BY start DESC");
            st.execute("UPDATE tmp SET start = start - start % 1000000 WHERE rowid % 3 = 0");
            st.execute("DELETE FROM CUPTI_ACTIVITY_KIND_KERNEL");
            st.execute("INSERT INTO CUPTI_ACTIVITY_KIND_KERNEL SELECT * FROM tmp");
            st.execute("DROP TABLE tmp");
        }
        try (TraceReader r = TraceReader.open(file)) {
            RunTrace full = r.load(id);
            assertSame(full, r.timelineColumns(id));
        }
    }

    @Test
    void schema1TextOpsRead() throws Exception {
        Random rnd = new Random(11);
        RunTrace t = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "old", 0, 1L << 40, RunStatus.COMPLETE),
                TraceFixtures.device(rnd, 0),
                200,
                0);
        Path file = dir.resolve("v1.sqlite");
        long id;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            id = w.writeRun(t);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE FS_KERNEL_ATTRIBUTION SET op = (SELECT value FROM StringIds WHERE id = op)");
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertSame(r.load(id), r.timelineColumns(id));
        }
    }

    /**
     * Values outside the ranges packed into one integer per row (device, stream and name id of
     * kernels; op and step of attributions) and NULLs read with sentinels still read exactly as the
     * full load reads them: the reader falls back to one column per value.
     */
    @Test
    void valuesOutsideThePackedRangesAndNullsRead() throws Exception {
        Random rnd = new Random(17);
        RunTrace t = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "wide", 0, 1L << 40, RunStatus.COMPLETE),
                TraceFixtures.device(rnd, 0),
                250,
                0);
        Path file = dir.resolve("wide.sqlite");
        long id;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            id = w.writeRun(t);
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertSame(r.load(id), r.timelineColumns(id));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET streamId = 40000000 WHERE rowid % 7 = 0");
            st.execute("UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET deviceId = 300 WHERE rowid % 11 = 0");
            st.execute("UPDATE NVTX_EVENTS SET \"end\" = NULL WHERE rowid % 9 = 0");
            st.execute("UPDATE NVTX_EVENTS SET category = NULL WHERE rowid % 4 = 0");
        }
        try (TraceReader r = TraceReader.open(file)) {
            RunTrace full = r.load(id);
            assertThat(full.kernels()).anyMatch(k -> k.streamId() == 40_000_000);
            assertSame(full, r.timelineColumns(id));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE FS_KERNEL_ATTRIBUTION SET step = 1000000000 WHERE rowid % 5 = 0");
        }
        try (TraceReader r = TraceReader.open(file)) {
            RunTrace full = r.load(id);
            assertThat(full.kernels())
                    .anyMatch(k -> k.hasAttribution() && k.attribution().step() == 1_000_000_000);
            assertSame(full, r.timelineColumns(id));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE FS_KERNEL_ATTRIBUTION SET op = -op - 1 WHERE rowid % 3 = 0");
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertSame(r.load(id), r.timelineColumns(id));
        }
    }

    @Test
    void inMemoryColumnsMatchTheLists() {
        assertThat(Files.exists(GOLDEN.resolve("recording.sqlite"))).isTrue();
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("recording.sqlite"))) {
            RunTrace full = r.load(r.runs().get(0).id());
            assertSame(full, TimelineColumns.of(full.kernels(), full.apiCalls(), full.ranges()));
        }
    }

    private static void assertSame(RunTrace full, TimelineColumns c) {
        assertKernels(full.kernels(), c.kernels());
        List<ApiCall> calls = full.apiCalls();
        assertThat(c.calls().size()).isEqualTo(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ApiCall a = calls.get(i);
            assertThat(c.calls().starts()[i]).as("call %d start", i).isEqualTo(a.startNs());
            assertThat(c.calls().ends()[i]).isEqualTo(a.endNs());
            assertThat(c.calls().correlations()[i]).isEqualTo(a.correlationId());
            assertThat(c.calls().name(i)).isEqualTo(a.name());
            assertThat(c.calls().isLaunch(i)).isEqualTo(a.isLaunch());
        }
        List<RangeEvent> ranges = full.ranges();
        assertThat(c.ranges().size()).isEqualTo(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            RangeEvent e = ranges.get(i);
            assertThat(c.ranges().starts()[i]).as("range %d start", i).isEqualTo(e.startNs());
            assertThat(c.ranges().ends()[i]).isEqualTo(e.endNs());
            assertThat(c.ranges().text(i)).isEqualTo(e.text());
            assertThat(c.ranges().level(i)).isEqualTo(e.level());
        }
    }

    private static void assertKernels(List<KernelEvent> kernels, TimelineColumns.Kernels k) {
        assertThat(k.size()).isEqualTo(kernels.size());
        for (int i = 0; i < kernels.size(); i++) {
            KernelEvent e = kernels.get(i);
            assertThat(k.starts()[i]).as("kernel %d start", i).isEqualTo(e.startNs());
            assertThat(k.ends()[i]).as("kernel %d end", i).isEqualTo(e.endNs());
            assertThat(k.name(i)).as("kernel %d name", i).isEqualTo(e.name());
            assertThat(k.streams()[i]).isEqualTo(e.streamId());
            assertThat(k.devices()[i]).isEqualTo(e.deviceId());
            assertThat(k.correlations()[i]).isEqualTo(e.correlationId());
            assertThat(k.op(i)).isEqualTo(e.hasAttribution() ? e.attribution().op() : null);
            assertThat(k.fused()[i])
                    .isEqualTo(e.hasAttribution() && e.attribution().fused());
            assertThat(k.layers()[i])
                    .as("kernel %d layer", i)
                    .isEqualTo(e.hasAttribution() ? e.attribution().layer() : -1);
            assertThat(k.steps()[i])
                    .as("kernel %d step", i)
                    .isEqualTo(e.hasAttribution() ? e.attribution().step() : -1);
        }
    }
}

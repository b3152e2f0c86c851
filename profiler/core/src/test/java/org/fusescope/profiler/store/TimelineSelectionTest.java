package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.fusescope.profiler.synthetic.SyntheticTraceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader of a run's timeline rows selects them through {@link TimelineSelection}, so they all
 * agree: the objects of {@link TraceReader#load} (what Properties and the statistics show), the
 * timeline's columns (read alone or together) and the overview read the same kernels, API calls and
 * ranges in the same order: by start, ties in file order, as SQLite itself orders them.
 */
class TimelineSelectionTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final int[] BUCKETS = {1, 64, 4096};

    @TempDir
    Path dir;

    /** A kernel as every path reads it. */
    private record KernelRow(
            long start, long end, int device, int stream, long correlation, String name, String op, boolean fused) {
        static KernelRow of(KernelEvent e) {
            return new KernelRow(
                    e.startNs(),
                    e.endNs(),
                    e.deviceId(),
                    e.streamId(),
                    e.correlationId(),
                    e.name(),
                    e.hasAttribution() ? e.attribution().op() : null,
                    e.hasAttribution() && e.attribution().fused());
        }

        static List<KernelRow> of(TimelineColumns.Kernels k) {
            List<KernelRow> out = new ArrayList<>();
            for (int i = 0; i < k.size(); i++) {
                out.add(new KernelRow(
                        k.starts()[i],
                        k.ends()[i],
                        k.devices()[i],
                        k.streams()[i],
                        k.correlations()[i],
                        k.name(i),
                        k.op(i),
                        k.fused()[i]));
            }
            return out;
        }
    }

    private record CallRow(long start, long end, long correlation, String name, boolean launch) {
        static List<CallRow> of(TimelineColumns.Calls c) {
            List<CallRow> out = new ArrayList<>();
            for (int i = 0; i < c.size(); i++) {
                out.add(new CallRow(c.starts()[i], c.ends()[i], c.correlations()[i], c.name(i), c.isLaunch(i)));
            }
            return out;
        }
    }

    private record RangeRow(long start, long end, String text, RangeLevel level) {
        static List<RangeRow> of(TimelineColumns.Ranges r) {
            List<RangeRow> out = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                out.add(new RangeRow(r.starts()[i], r.ends()[i], r.text(i), r.level(i)));
            }
            return out;
        }
    }

    @Test
    void goldenRecordingPathsReadTheSameRowsInTheSameOrder() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("recording.sqlite"))) {
            assertThat(r.runs()).hasSizeGreaterThan(1);
            for (RunInfo run : r.runs()) {
                assertPathsAgree(r, run.id(), true);
            }
        }
    }

    /** No FS_ tables, no start index (a scan of the file's only run), no attribution, no overview. */
    @Test
    void goldenNsysExportPathsReadTheSameRowsInTheSameOrder() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("nsys-export.sqlite"))) {
            assertPathsAgree(r, r.runs().get(0).id(), false);
        }
    }

    /**
     * A synthetic decode step on two streams, its kernel rows in reverse file order with equal starts,
     * alone in its file (read by scans) and beside a second run (read by seeks on the start index).
     */
    @Test
    void twoStreamRunPathsAgreeAloneAndBesideAnotherRun() throws Exception {
        for (int runs = 1; runs <= 2; runs++) {
            Path file = dir.resolve("two-streams-" + runs + ".sqlite");
            try (TraceWriter w = TraceWriter.create(file)) {
                for (int i = 0; i < runs; i++) {
                    SyntheticSpec t = SyntheticSpec.tiny(4, SyntheticSpec.UNFUSED, SyntheticSpec.EAGER);
                    w.writeRun(SyntheticTraceGenerator.generate(new SyntheticSpec(
                            t.seed() + i,
                            t.experts(),
                            t.topK(),
                            t.hidden(),
                            t.intermediate(),
                            t.sharedAsExpert(),
                            t.layers(),
                            t.steps(),
                            t.batch(),
                            t.variant(),
                            t.mode(),
                            t.startNs() + i * 1_000_000_000_000L,
                            1 + i)));
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE tmp AS SELECT * FROM CUPTI_ACTIVITY_KIND_KERNEL ORDER BY start DESC");
                st.execute("UPDATE tmp SET streamId = 13 WHERE rowid % 3 = 0");
                st.execute("UPDATE tmp SET start = start - start % 50000 WHERE rowid % 4 = 0");
                st.execute("DELETE FROM CUPTI_ACTIVITY_KIND_KERNEL");
                st.execute("INSERT INTO CUPTI_ACTIVITY_KIND_KERNEL SELECT * FROM tmp");
                st.execute("DROP TABLE tmp");
            }
            try (TraceReader r = TraceReader.open(file)) {
                assertThat(r.runs()).hasSize(runs);
                for (RunInfo run : r.runs()) {
                    TimelineColumns.Kernels k = r.kernelColumns(run.id());
                    assertThat(Arrays.stream(k.streams()).distinct().count()).isEqualTo(2);
                    assertPathsAgree(r, run.id(), true);
                }
            }
        }
    }

    /**
     * Two attribution rows for one kernel, and two kernels with one key: the objects get what the
     * columns get (the first row, a kernel each), not a kernel per joined row.
     */
    @Test
    void repeatedAttributionKeysReadAlikeOnEveryPath() throws Exception {
        Path file = dir.resolve("repeated.sqlite");
        try (TraceWriter w = TraceWriter.create(file)) {
            w.writeRun(
                    SyntheticTraceGenerator.generate(SyntheticSpec.tiny(1, SyntheticSpec.FUSED, SyntheticSpec.GRAPH)));
        }
        int kernels;
        try (TraceReader r = TraceReader.open(file)) {
            kernels = r.kernelColumns(1).size();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO FS_KERNEL_ATTRIBUTION SELECT runId, correlationId, graphNodeId,"
                    + " (SELECT max(op) FROM FS_KERNEL_ATTRIBUTION), fusionGroup, 1 - fused, layer, step,"
                    + " bytesRead, bytesWritten, flops FROM FS_KERNEL_ATTRIBUTION WHERE rowid % 2 = 0");
            st.execute("INSERT INTO CUPTI_ACTIVITY_KIND_KERNEL SELECT * FROM CUPTI_ACTIVITY_KIND_KERNEL"
                    + " WHERE rowid % 5 = 0");
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.load(1).kernels())
                    .hasSizeGreaterThan(kernels)
                    .hasSize(r.kernelColumns(1).size());
            assertPathsAgree(r, 1, true);
        }
    }

    /** The full reads take rows in an order SQLite gives for free: it never sorts them. */
    @Test
    void fullReadsNeverSortInSqlite() throws Exception {
        List<Path> files = List.of(GOLDEN.resolve("recording.sqlite"), GOLDEN.resolve("nsys-export.sqlite"), single());
        int plans = 0;
        for (Path file : files) {
            try (Connection c = TraceFiles.openReadOnly(file)) {
                Catalog cat = new Catalog(c);
                boolean ours = cat.has(TraceSchema.Runs.TABLE);
                try (TraceReader r = TraceReader.open(file)) {
                    TimelineSelection rows = new TimelineSelection(
                            c, cat, r.runs().get(0), ours, r.runs().size() == 1);
                    for (String sql : new String[] {
                        rows.kernelSql("k.start"),
                        rows.attributionSql("op"),
                        rows.callSql("start"),
                        rows.rangeSql("start")
                    }) {
                        if (sql != null) {
                            assertThat(plan(c, sql)).as(sql).isNotEmpty().doesNotContain("TEMP B-TREE");
                            plans++;
                        }
                    }
                }
            }
        }
        // kernels, attribution, calls and ranges of our files; no attribution in the nsys export
        assertThat(plans).isEqualTo(4 + 3 + 4);
    }

    @Test
    void aLaunchIsDecidedByItsNameAlone() {
        for (String launch : List.of(
                "cuLaunchKernel",
                "cudaLaunchKernel_v7000",
                "cuLaunchCooperativeKernel",
                "cudaLaunchCooperativeKernel_v9000",
                "cuGraphLaunch",
                "cudaGraphLaunch_v10000",
                "cuLaunchKernelEx")) {
            assertThat(ApiCall.isLaunch(launch)).as(launch).isTrue();
        }
        for (String other :
                List.of("cuMemcpyHtoDAsync_v2", "cudaStreamSynchronize", "cuGraphInstantiate", "cuCtxSynchronize")) {
            assertThat(ApiCall.isLaunch(other)).as(other).isFalse();
        }
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("recording.sqlite"))) {
            long id = r.runs().get(0).id();
            List<ApiCall> calls = r.load(id).apiCalls();
            TimelineColumns.Calls columns = r.callColumns(id);
            assertThat(calls).anyMatch(ApiCall::isLaunch).anyMatch(a -> !a.isLaunch());
            for (int i = 0; i < calls.size(); i++) {
                assertThat(columns.isLaunch(i)).isEqualTo(calls.get(i).isLaunch());
            }
        }
    }

    private Path single() {
        Path file = dir.resolve("single.sqlite");
        try (TraceWriter w = TraceWriter.create(file)) {
            w.writeRun(SyntheticTraceGenerator.generate(
                    SyntheticSpec.tiny(1, SyntheticSpec.UNFUSED, SyntheticSpec.EAGER)));
        }
        return file;
    }

    private static String plan(Connection c, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            int n = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= n; i++) {
                ps.setLong(i, 0);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString("detail")).append('\n');
                }
            }
        }
        return out.toString();
    }

    /**
     * The objects, the columns (alone and together) and the overview read the same rows in the same
     * order, and that order is SQLite's own: by start, ties by rowid.
     */
    private static void assertPathsAgree(TraceReader r, long runId, boolean overview) {
        RunTrace full = r.load(runId);
        TimelineColumns all = r.timelineColumns(runId);
        List<KernelRow> kernels = full.kernels().stream().map(KernelRow::of).toList();
        assertThat(kernels).isNotEmpty();
        assertThat(KernelRow.of(r.kernelColumns(runId))).isEqualTo(kernels);
        assertThat(KernelRow.of(all.kernels())).isEqualTo(kernels);
        assertThat(kernels.stream()
                        .map(k -> List.of(k.start(), k.end(), k.correlation()))
                        .toList())
                .isEqualTo(inSqliteOrder(r.file(), full.run()));

        List<CallRow> calls = full.apiCalls().stream()
                .map(a -> new CallRow(a.startNs(), a.endNs(), a.correlationId(), a.name(), a.isLaunch()))
                .toList();
        assertThat(calls).isNotEmpty();
        assertThat(CallRow.of(r.callColumns(runId))).isEqualTo(calls);
        assertThat(CallRow.of(all.calls())).isEqualTo(calls);

        List<RangeRow> ranges = full.ranges().stream()
                .map(e -> new RangeRow(e.startNs(), e.endNs(), e.text(), e.level()))
                .toList();
        assertThat(RangeRow.of(r.rangeColumns(runId))).isEqualTo(ranges);
        assertThat(RangeRow.of(all.ranges())).isEqualTo(ranges);

        for (int buckets : BUCKETS) {
            Optional<KernelOverview> o = r.kernelOverview(runId, OverviewGrid.uniform(buckets), 0);
            assertThat(o.isPresent()).as("an overview").isEqualTo(overview);
            if (o.isPresent()) {
                assertThat(o.get().kernelCount()).isEqualTo(kernels.size());
                assertInOrderWithin(KernelRow.of(o.get().kernels()), kernels);
            }
        }
    }

    /** Each of {@code some} is in {@code all}, in the same order, and none twice. */
    private static void assertInOrderWithin(List<KernelRow> some, List<KernelRow> all) {
        int at = 0;
        for (KernelRow k : some) {
            while (at < all.size() && !all.get(at).equals(k)) {
                at++;
            }
            assertThat(at).as("%s, in the order of all kernels", k).isLessThan(all.size());
            at++;
        }
    }

    /** Start, end and correlation id of the run's kernels, as SQLite orders them: by start, then rowid. */
    private static List<List<Long>> inSqliteOrder(Path file, RunInfo run) {
        List<List<Long>> out = new ArrayList<>();
        try (Connection c = TraceFiles.openReadOnly(file);
                PreparedStatement ps = c.prepareStatement("SELECT start, \"end\", COALESCE(correlationId, 0)"
                        + " FROM CUPTI_ACTIVITY_KIND_KERNEL WHERE start >= ? AND start <= ? ORDER BY start, rowid")) {
            ps.setLong(1, run.startNs());
            ps.setLong(2, run.endNs());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}

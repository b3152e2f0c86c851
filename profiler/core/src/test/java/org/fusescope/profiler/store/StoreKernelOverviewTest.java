package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview read with one aggregate query per bucket chooses exactly the kernels that the same
 * buckets choose when computed in Java from the run's full kernel columns.
 */
class StoreKernelOverviewTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final int[] BUCKETS = {1, 3, 64, 700, 4096};

    @TempDir
    Path dir;

    /** One kernel, comparable across the two ways of choosing it. */
    private record Item(
            long start,
            long end,
            int device,
            int stream,
            long correlation,
            String name,
            String op,
            boolean fused,
            int layer,
            int step) {
        static Item of(TimelineColumns.Kernels k, int i) {
            return new Item(
                    k.starts()[i],
                    k.ends()[i],
                    k.devices()[i],
                    k.streams()[i],
                    k.correlations()[i],
                    k.name(i),
                    k.op(i),
                    k.fused()[i],
                    k.layers()[i],
                    k.steps()[i]);
        }
    }

    @Test
    void goldenRecordingOverviewChoosesWhatTheFullColumnsChoose() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("recording.sqlite"))) {
            for (RunInfo run : r.runs()) {
                assertOverviewsMatch(r, run.id());
            }
        }
    }

    @Test
    void manyStreamsLongKernelsTiesAndUnsortedRowsMatch() throws Exception {
        assertMixedFixtureMatches("mixed.sqlite", false);
    }

    /** One stream takes other queries (index seeks around each bucket edge): the same cases again. */
    @Test
    void oneStreamLongKernelsTiesAndUnsortedRowsMatch() throws Exception {
        assertMixedFixtureMatches("one-stream.sqlite", true);
    }

    private void assertMixedFixtureMatches(String name, boolean oneStream) throws Exception {
        Path file = write(name, 17, 400);
        long id = 1;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            // reverse file order, equal starts, and long kernels overlapping their neighbours
            st.execute("CREATE TABLE tmp AS SELECT * FROM CUPTI_ACTIVITY_KIND_KERNEL ORDER BY start DESC");
            st.execute("UPDATE tmp SET start = start - start % 20000 WHERE rowid % 3 = 0");
            st.execute("UPDATE tmp SET \"end\" = start + 150000 + rowid WHERE rowid % 5 = 0");
            if (oneStream) {
                st.execute("UPDATE tmp SET streamId = 7");
            }
            st.execute("DELETE FROM CUPTI_ACTIVITY_KIND_KERNEL");
            st.execute("INSERT INTO CUPTI_ACTIVITY_KIND_KERNEL SELECT * FROM tmp");
            st.execute("DROP TABLE tmp");
        }
        try (TraceReader r = TraceReader.open(file)) {
            TimelineColumns.Kernels k = r.kernelColumns(id);
            assertThat(Arrays.stream(k.streams()).distinct().count() == 1).isEqualTo(oneStream);
            // the cases this test is about occur: equal starts on one stream, and a bucket with several long kernels
            KernelOverview coarse =
                    r.kernelOverview(id, OverviewGrid.uniform(64), 0).orElseThrow();
            Map<List<Long>, Integer> perStreamAndStart = new HashMap<>();
            Map<List<Long>, Integer> longPerStreamAndBucket = new HashMap<>();
            for (int i = 0; i < k.size(); i++) {
                perStreamAndStart.merge(List.of((long) k.streams()[i], k.starts()[i]), 1, Integer::sum);
                if (k.ends()[i] - k.starts()[i] >= coarse.longKernelNs()) {
                    longPerStreamAndBucket.merge(
                            List.of((long) k.streams()[i], (long) bucketOf(coarse, k.starts()[i])), 1, Integer::sum);
                }
            }
            assertThat(perStreamAndStart.values()).anyMatch(n -> n > 1);
            assertThat(longPerStreamAndBucket.values()).anyMatch(n -> n > 1);
            assertOverviewsMatch(r, id);
        }
    }

    @Test
    void eachRunOfAFileCountsOnlyItsOwnKernels() throws Exception {
        Random rnd = new Random(23);
        Path file = dir.resolve("two.sqlite");
        long[] ids = new long[2];
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            for (int i = 0; i < 2; i++) {
                RunTrace t = TraceFixtures.trace(
                        rnd,
                        TraceFixtures.run(rnd, "run " + i, (long) i << 41, 1L << 40, RunStatus.COMPLETE),
                        TraceFixtures.device(rnd, 0),
                        150 + 100 * i,
                        10_000L * i);
                ids[i] = w.writeRun(t);
            }
        }
        try (TraceReader r = TraceReader.open(file)) {
            for (int i = 0; i < 2; i++) {
                assertThat(r.kernelOverview(ids[i], OverviewGrid.uniform(32), 0)
                                .orElseThrow()
                                .kernelCount())
                        .isEqualTo(150 + 100 * i);
                assertOverviewsMatch(r, ids[i]);
            }
        }
    }

    @Test
    void schema1TextOpsMatch() throws Exception {
        Path file = write("v1.sqlite", 29, 200);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE FS_KERNEL_ATTRIBUTION SET op = (SELECT value FROM StringIds WHERE id = op)");
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(Arrays.stream(r.kernelColumns(1).ops()).max().orElse(-1)).isNotNegative();
            assertOverviewsMatch(r, 1);
        }
    }

    @Test
    void aKernelWithTwoAttributionRowsTakesTheFirstAsInTheFullRead() throws Exception {
        for (boolean oneStream : new boolean[] {false, true}) {
            Path file = write("twice-" + oneStream + ".sqlite", 43, 300);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement()) {
                st.execute("INSERT INTO FS_KERNEL_ATTRIBUTION SELECT runId, correlationId, graphNodeId,"
                        + " (SELECT max(op) FROM FS_KERNEL_ATTRIBUTION), fusionGroup, 1 - fused, layer, step,"
                        + " bytesRead, bytesWritten, flops FROM FS_KERNEL_ATTRIBUTION WHERE rowid % 2 = 0");
                if (oneStream) {
                    st.execute("UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET streamId = 7");
                }
            }
            try (TraceReader r = TraceReader.open(file)) {
                assertOverviewsMatch(r, 1);
            }
        }
    }

    @Test
    void unevenBucketsWithEmptyOnesMatch() throws Exception {
        Path file = write("uneven.sqlite", 41, 300);
        try (TraceReader r = TraceReader.open(file)) {
            TimelineColumns.Kernels k = r.kernelColumns(1);
            // squares: narrow buckets first, wide ones later; equal neighbours make empty buckets
            OverviewGrid squares = new OverviewGrid() {
                @Override
                public long[] bucketStarts(long first, long lastEnd) {
                    long[] s = new long[41];
                    for (int b = 0; b <= 40; b++) {
                        s[b] = first + (lastEnd + 1 - first) * (b / 2) * (b / 2) / 400;
                    }
                    return s;
                }

                @Override
                public long longKernelNs(long first, long lastEnd) {
                    return 2_000;
                }
            };
            assertSameChoice(k, r.kernelOverview(1, squares, 0).orElseThrow());
        }
    }

    @Test
    void noOverviewWithoutAStartIndexOrBelowTheMinimum() throws Exception {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("nsys-export.sqlite"))) {
            long id = r.runs().get(0).id();
            assertThat(r.kernelColumns(id).size()).isPositive();
            assertThat(r.kernelOverview(id, OverviewGrid.uniform(16), 0)).isEmpty();
        }
        Path file = write("small.sqlite", 31, 120);
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.kernelOverview(1, OverviewGrid.uniform(16), 120)).isPresent();
            assertThat(r.kernelOverview(1, OverviewGrid.uniform(16), 121)).isEmpty();
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirRange() throws Exception {
        assertThatThrownBy(() -> OverviewGrid.uniform(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("buckets must be in [1, 65536], not 0");
        assertThatThrownBy(() -> OverviewGrid.uniform(KernelOverview.MAX_BUCKETS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        Path file = write("args.sqlite", 37, 20);
        try (TraceReader r = TraceReader.open(file)) {
            assertThatThrownBy(() -> r.kernelOverview(1, OverviewGrid.uniform(8), -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("minKernels");
            assertThatThrownBy(() -> r.kernelOverview(99, OverviewGrid.uniform(8), 0))
                    .isInstanceOf(TraceFileException.class)
                    .hasMessageContaining("no run '99'");
            OverviewGrid short1 = grid((first, lastEnd) -> new long[] {first, lastEnd}, 10);
            assertThatThrownBy(() -> r.kernelOverview(1, short1, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("after the last kernel end");
            OverviewGrid late = grid((first, lastEnd) -> new long[] {first + 1, lastEnd + 1}, 10);
            assertThatThrownBy(() -> r.kernelOverview(1, late, 0)).isInstanceOf(IllegalArgumentException.class);
            OverviewGrid descending = grid((first, lastEnd) -> new long[] {first, lastEnd + 5, lastEnd + 1}, 10);
            assertThatThrownBy(() -> r.kernelOverview(1, descending, 0)).isInstanceOf(IllegalArgumentException.class);
            OverviewGrid shrinking = new OverviewGrid() {
                @Override
                public long[] bucketStarts(long first, long lastEnd) {
                    return new long[] {first, lastEnd + 1};
                }

                @Override
                public long longKernelNs(long first, long lastEnd) {
                    return (1L << 50) - lastEnd;
                }
            };
            assertThatThrownBy(() -> r.kernelOverview(1, shrinking, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not shrink");
            OverviewGrid zero = grid((first, lastEnd) -> new long[] {first, lastEnd + 1}, 0);
            assertThatThrownBy(() -> r.kernelOverview(1, zero, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1 ns");
        }
    }

    /** A grid of fixed bucket starts (as a function of the run's extent) and long-kernel length. */
    private static OverviewGrid grid(BiFunction<Long, Long, long[]> starts, long longNs) {
        return new OverviewGrid() {
            @Override
            public long[] bucketStarts(long firstStartNs, long lastEndNs) {
                return starts.apply(firstStartNs, lastEndNs);
            }

            @Override
            public long longKernelNs(long firstStartNs, long lastEndNs) {
                return longNs;
            }
        };
    }

    private Path write(String name, long seed, int kernels) throws Exception {
        Random rnd = new Random(seed);
        Path file = dir.resolve(name);
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            w.writeRun(TraceFixtures.trace(
                    rnd,
                    TraceFixtures.run(rnd, "r", 0, 1L << 40, RunStatus.COMPLETE),
                    TraceFixtures.device(rnd, 0),
                    kernels,
                    0));
        }
        return file;
    }

    private static void assertOverviewsMatch(TraceReader r, long runId) {
        TimelineColumns.Kernels k = r.kernelColumns(runId);
        for (int buckets : BUCKETS) {
            KernelOverview o =
                    r.kernelOverview(runId, OverviewGrid.uniform(buckets), 0).orElseThrow();
            assertThat(o.buckets()).isEqualTo(buckets);
            assertSameChoice(k, o);
        }
    }

    private static void assertSameChoice(TimelineColumns.Kernels k, KernelOverview o) {
        assertThat(o.kernelCount()).isEqualTo(k.size());
        assertThat(o.firstStartNs()).isEqualTo(Arrays.stream(k.starts()).min().orElseThrow());
        assertThat(o.lastEndNs()).isEqualTo(Arrays.stream(k.ends()).max().orElseThrow());
        List<Item> actual = new ArrayList<>();
        for (int i = 0; i < o.kernels().size(); i++) {
            actual.add(Item.of(o.kernels(), i));
        }
        List<Item> expected = expected(k, o).stream().map(i -> Item.of(k, i)).toList();
        assertThat(actual).as("%d buckets", o.buckets()).isEqualTo(expected);
        assertThat(expected.size()).isLessThanOrEqualTo(k.size());
    }

    /**
     * The indices, ascending, of the kernels the overview's buckets choose, computed from every kernel
     * in Java: per stream and bucket the first and the last (kernels come sorted by start, ties in file
     * order), and every long kernel with the next one on its stream.
     */
    private static SortedSet<Integer> expected(TimelineColumns.Kernels k, KernelOverview o) {
        SortedSet<Integer> chosen = new TreeSet<>();
        Map<List<Long>, int[]> firstAndLast = new HashMap<>();
        Map<Integer, Integer> lastOfStream = new HashMap<>();
        for (int i = 0; i < k.size(); i++) {
            int stream = k.streams()[i];
            int[] group = firstAndLast.computeIfAbsent(
                    List.of((long) stream, (long) bucketOf(o, k.starts()[i])), g -> new int[] {-1, -1});
            group[0] = group[0] < 0 ? i : group[0];
            group[1] = i;
            Integer previous = lastOfStream.put(stream, i);
            if (previous != null && k.ends()[previous] - k.starts()[previous] >= o.longKernelNs()) {
                chosen.add(i);
            }
            if (k.ends()[i] - k.starts()[i] >= o.longKernelNs()) {
                chosen.add(i);
            }
        }
        firstAndLast.values().forEach(g -> {
            chosen.add(g[0]);
            chosen.add(g[1]);
        });
        return chosen;
    }

    /** The bucket whose [start, next start) holds {@code startNs}. */
    private static int bucketOf(KernelOverview o, long startNs) {
        long[] edges = new long[o.buckets() + 1];
        Arrays.setAll(edges, o::bucketStartNs);
        int b = Arrays.binarySearch(edges, startNs);
        // on an edge: that bucket, unless empty buckets share the edge (then the last of them)
        while (b >= 0 && b + 1 < edges.length && edges[b + 1] == startNs) {
            b++;
        }
        return b >= 0 ? b : -b - 2;
    }
}

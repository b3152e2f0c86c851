package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class KernelSummaryTest {
    private static RunTrace trace() {
        return TraceFixture.trace()
                .device(TraceFixture.device(2e9, Double.NaN))
                // "a": 1000, 2000, 6000 ns, 4000 B each; one instance has another grid
                .kernel(0, 1000, 1, 1, "a", TraceFixture.attribution("a", "a", 0, 3000, 1000, 0))
                .kernel(1000, 3000, 1, 2, "a", Dim3.of(64), TraceFixture.attribution("a", "a", 0, 3000, 1000, 0))
                .kernel(3000, 9000, 1, 3, "a", TraceFixture.attribution("a", "a", 0, 3000, 1000, 0))
                // "b": 500 and 1500 ns, no attribution
                .kernel(9000, 9500, 1, 4, "b")
                .kernel(9500, 11000, 1, 5, "b")
                // "c": one instance of 4000 ns
                .kernel(11000, 15000, 1, 6, "c")
                .build();
    }

    @Test
    void timesAloneGiveTheSameTimingColumnsAndLeaveTheRestEmpty() {
        RunTrace trace = trace();
        // "a" twice in the string table, as two readers' tables merged could hold it
        String[] names = {"b", "a", "c", "a"};
        int[] ids = {1, 3, 1, 0, 0, 2};
        long[] durations =
                trace.kernels().stream().mapToLong(k -> k.endNs() - k.startNs()).toArray();

        List<KernelStats> times =
                KernelSummary.ofDurations(names, ids, durations).rows();
        List<KernelStats> full = KernelSummary.of(trace).rows();
        assertThat(times).extracting(KernelStats::name).containsExactly("a", "c", "b");
        for (int r = 0; r < full.size(); r++) {
            KernelStats t = times.get(r);
            KernelStats f = full.get(r);
            assertThat(List.of(t.totalNs(), t.instances(), t.minNs(), t.maxNs()))
                    .isEqualTo(List.of(f.totalNs(), f.instances(), f.minNs(), f.maxNs()));
            assertThat(List.of(t.timePercent(), t.avgNs(), t.medianNs(), t.stdDevNs()))
                    .isEqualTo(List.of(f.timePercent(), f.avgNs(), f.medianNs(), f.stdDevNs()));
            assertThat(t.grid()).isNull();
        }
        List<Object> row = KernelSummary.ofDurations(names, ids, durations)
                .toTable()
                .rows()
                .get(0);
        // Grid, Block, Registers, Shared Memory, Bytes per Instance: unknown, not zero
        assertThat(row.subList(8, 13)).containsOnlyNulls();
    }

    @Test
    void nsysColumnsPerName() {
        List<KernelStats> rows = KernelSummary.of(trace()).rows();
        assertThat(rows).extracting(KernelStats::name).containsExactly("a", "c", "b");

        KernelStats a = rows.get(0);
        assertThat(a.totalNs()).isEqualTo(9000);
        assertThat(a.instances()).isEqualTo(3);
        assertThat(a.timePercent()).isCloseTo(60.0, within(1e-9));
        assertThat(a.avgNs()).isEqualTo(3000.0);
        assertThat(a.medianNs()).isEqualTo(2000.0);
        assertThat(a.minNs()).isEqualTo(1000);
        assertThat(a.maxNs()).isEqualTo(6000);
        // deviations -2000, -1000, 3000: (4 + 1 + 9)e6 / 2
        assertThat(a.stdDevNs()).isCloseTo(Math.sqrt(7e6), within(1e-9));

        KernelStats b = rows.get(2);
        assertThat(b.medianNs()).isEqualTo(1000.0);
        assertThat(b.stdDevNs()).isCloseTo(Math.sqrt(500_000.0), within(1e-9));
        assertThat(b.timePercent()).isCloseTo(100.0 * 2000 / 15000, within(1e-9));

        KernelStats c = rows.get(1);
        assertThat(c.stdDevNs()).isZero();
        assertThat(c.medianNs()).isEqualTo(4000.0);
    }

    @Test
    void shapeResourcesAndBandwidth() {
        List<KernelStats> rows = KernelSummary.of(trace()).rows();
        KernelStats a = rows.get(0);
        assertThat(a.grid()).isEqualTo(Dim3.of(128));
        assertThat(a.gridVaries()).isTrue();
        assertThat(a.block()).isEqualTo(Dim3.of(256));
        assertThat(a.blockVaries()).isFalse();
        assertThat(a.registersPerThread()).isEqualTo(32);
        assertThat(a.sharedMemoryBytes()).isEqualTo(1024);
        assertThat(a.bytesPerInstance()).hasValue(4000);
        // 12000 B in 9000 ns = 1.333e9 B/s against a measured 2e9 B/s
        assertThat(a.achievedBytesPerSec()).isCloseTo(12000 / 9e-6, within(1e-3));
        assertThat(a.percentOfPeak()).isCloseTo(100.0 * (12000 / 9e-6) / 2e9, within(1e-9));

        KernelStats b = rows.get(2);
        assertThat(b.bytesPerInstance()).isEmpty();
        assertThat(b.achievedBytesPerSec()).isNaN();
    }

    @Test
    void tableMarksVaryingShapesAndLeavesUnknownBytesBlank() {
        ResultTable table = KernelSummary.of(trace()).toTable();
        assertThat(table.columns().get(1).header()).isEqualTo("Total Time (ns)");
        assertThat(table.value(0, "Total Time")).isEqualTo(9000L);
        assertThat(table.value(0, "Grid")).isEqualTo("(128,1,1)*");
        assertThat(table.value(1, "Grid")).isEqualTo("(128,1,1)");
        assertThat(table.value(2, "Bytes per Instance")).isNull();
        assertThat((Double) table.value(0, "Achieved")).isCloseTo(12000 / 9000.0, within(1e-12));
    }

    @Test
    void equalTotalsSortByName() {
        RunTrace trace = TraceFixture.trace()
                .kernel(0, 100, 1, 1, "zeta")
                .kernel(100, 200, 1, 2, "alpha")
                .build();
        assertThat(KernelSummary.of(trace).rows()).extracting(KernelStats::name).containsExactly("alpha", "zeta");
    }

    @Test
    void damagedEndsAndByteCountsSaturateInsteadOfTurningNegative() {
        long huge = 5_000_000_000_000_000_000L; // two of these overflow a long
        RunTrace t = TraceFixture.trace()
                .device(TraceFixture.device(2e9, Double.NaN))
                .kernel(0, huge, 1, 1, "x", TraceFixture.attribution("x", "x", 0, huge, huge, 0))
                .kernel(0, huge, 1, 2, "x", TraceFixture.attribution("x", "x", 0, huge, huge, 0))
                .kernel(0, 1000, 1, 3, "y")
                .build();
        List<KernelStats> rows = KernelSummary.of(t).rows();
        KernelStats x = rows.get(0);
        assertThat(x.name()).isEqualTo("x");
        assertThat(x.totalNs()).isEqualTo(Long.MAX_VALUE);
        assertThat(x.timePercent()).isBetween(0.0, 100.0);
        assertThat(x.achievedBytesPerSec()).isPositive();
        assertThat(rows.get(1).timePercent()).isBetween(0.0, 100.0);
        assertThat(Sums.add(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Sums.add(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Sums.add(-5, 7)).isEqualTo(2);
    }
}

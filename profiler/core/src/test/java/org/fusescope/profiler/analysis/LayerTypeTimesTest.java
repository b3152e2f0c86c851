package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

/** Kernel time per step by layer type on hand-made traces (values checked by hand). */
class LayerTypeTimesTest {
    /** Layers 0–2 linear attention, 3 attention (Qwen3-Next's pattern). */
    private static final IntFunction<String> TYPES = l -> (l + 1) % 4 == 0 ? "attention" : "linear attention";

    @Test
    void sumsEachTypesKernelsPerStepAndTakesTheMedianOverSteps() {
        TraceFixture t = TraceFixture.trace();
        long at = 0;
        // steps 0, 1, 2: layer 0 and 1 (linear) 10 + 20, 12 + 20, 14 + 20 ns; layer 3 (attention) 5, 7, 100
        int[][] linear = {{10, 20}, {12, 20}, {14, 20}};
        int[] attention = {5, 7, 100};
        for (int step = 0; step < 3; step++) {
            at = kernel(t, at, linear[step][0], 0, step);
            at = kernel(t, at, linear[step][1], 1, step);
            at = kernel(t, at, attention[step], 3, step);
        }
        kernel(t, at, 1000, 3, -1); // warm-up: left out
        RunTrace base = t.build();
        RunTrace cand = TraceFixture.trace().build(); // nothing attributed

        List<MetricComparison> rows = LayerTypeTimes.compare(base, TYPES, cand, TYPES);

        assertThat(rows)
                .extracting(MetricComparison::metric)
                .containsExactly("linear attention (2 layers)", "attention (1 layer)");
        assertThat(rows.get(0).baseline()).isEqualTo(32.0);
        assertThat(rows.get(1).baseline()).isEqualTo(7.0);
        assertThat(rows.get(0).candidate()).isZero();
    }

    @Test
    void aTypeMissingFromAStepCountsZeroThere() {
        TraceFixture t = TraceFixture.trace();
        long at = kernel(t, 0, 40, 3, 0);
        at = kernel(t, at, 8, 0, 0);
        at = kernel(t, at, 8, 0, 1); // step 1 has no attention kernel
        RunTrace run = t.build();

        List<MetricComparison> rows = LayerTypeTimes.compare(run, TYPES, run, TYPES);

        assertThat(rows.get(1).metric()).isEqualTo("attention (1 layer)");
        assertThat(rows.get(1).baseline()).isEqualTo(20.0); // median of 40 and 0
        assertThat(LayerTypeTimes.table(rows).rows()).hasSize(2);
    }

    private static long kernel(TraceFixture t, long start, int ns, int layer, int step) {
        t.kernel(start, start + ns, 7, start, "k", new KernelAttribution("op", "op", false, layer, step, 0, 0, 0));
        return start + ns + 1;
    }
}

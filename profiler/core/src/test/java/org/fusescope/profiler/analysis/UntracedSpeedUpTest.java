package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A fusion's speed-up with the tracer's cost left out. */
class UntracedSpeedUpTest {
    private static TracingCost.Row cost(String run, double traced, double paused, double noCupti) {
        return new TracingCost.Row(run, "full", "gated", traced, paused, Double.NaN, Double.NaN, noCupti);
    }

    @Test
    void bothRunsWithoutCuptiGiveTheSpeedUpBesideTheTracedOne() {
        UntracedSpeedUp s =
                UntracedSpeedUp.of(cost("unfused", 75_900, 69_700, 68_600), cost("fused", 41_300, 40_000, 40_000));
        assertThat(s.reference()).isEqualTo(UntracedSpeedUp.NO_CUPTI);
        assertThat(s.speedUp()).isCloseTo(68_600 / 40_000.0, within(1e-12));
        assertThat(s.tracedSpeedUp()).isCloseTo(75_900 / 41_300.0, within(1e-12));
        assertThat(s.line()).isEqualTo("Without tracing (no CUPTI): 68.6 → 40.0 µs, 1.72× (traced 1.84×)");
        ResultTable t = s.table();
        assertThat(t.rows()).hasSize(1);
        assertThat(t.value(0, "Reference")).isEqualTo("no CUPTI");
        assertThat(t.value(0, "Baseline Step")).isEqualTo(68_600.0);
        assertThat((Double) t.value(0, "Traced Speed-up")).isCloseTo(1.8378, within(1e-4));
    }

    @Test
    void withoutAReferenceInBothTheStepsWithCuptiPausedAreUsed() {
        UntracedSpeedUp s =
                UntracedSpeedUp.of(cost("unfused", 75_900, 69_700, 68_600), cost("fused", 41_300, 40_000, Double.NaN));
        assertThat(s.reference()).isEqualTo(UntracedSpeedUp.PAUSED);
        assertThat(s.speedUp()).isCloseTo(69_700 / 40_000.0, within(1e-12));
    }

    @Test
    void runsWithoutUntracedStepsInCommonHaveNone() {
        assertThat(UntracedSpeedUp.of(null, cost("fused", 1, 1, 1))).isNull();
        assertThat(UntracedSpeedUp.of(
                        cost("unfused", 75_900, Double.NaN, Double.NaN), cost("fused", 41_300, 40_000, 40_000)))
                .isNull();
        UntracedSpeedUp noTraced = UntracedSpeedUp.of(
                cost("unfused", Double.NaN, 69_700, Double.NaN), cost("fused", 41_300, 40_000, Double.NaN));
        assertThat(noTraced.line()).isEqualTo("Without tracing (CUPTI paused): 69.7 → 40.0 µs, 1.74×");
    }
}

package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.runner.record.RunOutcome;
import org.junit.jupiter.api.Test;

/** The speed-up lines a run ends with. */
class FusionSpeedUpsTest {
    private static RunOutcome outcome(String name, double traced, double paused, double noCupti) {
        return new RunOutcome(name, 6, 40_000, traced, paused, Double.NaN, Double.NaN, noCupti, 0, List.of());
    }

    @Test
    void eachVariantIsSetAgainstTheUnfusedRunOfItsBatchAndMode() {
        List<String> lines = FusionSpeedUps.lines(List.of(
                outcome("unfused b=1 graph", 75_700, 73_000, 68_400),
                outcome("fused b=1 graph", 40_800, 39_400, 39_600),
                outcome("unfused b=1 eager", 89_300, 86_600, Double.NaN),
                outcome("fused b=1 eager", 41_600, 41_400, Double.NaN),
                outcome("fused-pdl b=4 graph", 109_000, 108_100, Double.NaN)));
        assertThat(lines)
                .containsExactly(
                        "fused b=1 graph against unfused b=1 graph: Without tracing (no CUPTI): 68.4 → 39.6 µs,"
                                + " 1.73× (traced 1.86×)",
                        "fused b=1 eager against unfused b=1 eager: Without tracing (CUPTI paused): 86.6 → 41.4 µs,"
                                + " 2.09× (traced 2.15×)");
    }

    @Test
    void runsWithoutUntracedStepsGiveNoLine() {
        assertThat(FusionSpeedUps.lines(List.of(
                        outcome("unfused b=16 graph", 343_000, Double.NaN, Double.NaN),
                        outcome("fused b=16 graph", 329_000, 320_000, Double.NaN))))
                .isEmpty();
    }
}

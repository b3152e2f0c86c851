package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines {@code run --verify} ends with, on the bundled H100 sample and on hand-made checks. */
class VerifySummaryTest {
    @TempDir
    Path dir;

    @Test
    void eachBatchsChecksAreCountedOnceFromTheRecording() {
        Path sample = Samples.copyTo(Samples.H100_MOE, dir);
        Map<Integer, List<NumericCheck>> checks;
        try (TraceReader reader = TraceReader.open(sample)) {
            checks = VerifySummary.read(sample, reader.runs());
        }

        assertThat(checks).containsOnlyKeys(1, 16, 64);
        assertThat(checks.values()).allSatisfy(c -> assertThat(c).hasSize(26));
        assertThat(VerifySummary.passed(checks)).isTrue();
        assertThat(VerifySummary.lines(checks))
                .singleElement()
                .asString()
                .startsWith("--verify: 78 checks at batch 1, 16, 64, all within tolerance (the worst, ")
                .matches(".*, at 0\\.\\d\\d of its tolerance\\)");
    }

    @Test
    void aCheckOutsideItsToleranceIsNamedWithItsBatchAndNumbers() {
        Map<Integer, List<NumericCheck>> checks = Map.of(
                1, List.of(check("moe_out fused vs cpu", 0.004)),
                16, List.of(check("moe_out fused vs cpu", 0.031), check("routing_ids fused vs cpu", 0.0)));

        assertThat(VerifySummary.passed(checks)).isFalse();
        assertThat(VerifySummary.lines(checks))
                .containsExactly(
                        "--verify: 1 of 3 checks at batch 1, 16 outside their tolerance:",
                        "  batch 16: moe_out fused vs cpu: relative error 0.0310 > tolerance 0.0100 (max |difference|"
                                + " 0.500)");
    }

    @Test
    void noChecksAtAllIsNotAPass() {
        assertThat(VerifySummary.passed(Map.of(1, List.of()))).isFalse();
        assertThat(VerifySummary.lines(Map.of(1, List.of()))).containsExactly("--verify: no checks were recorded");
    }

    @Test
    void theWorstCheckIsTheOneNearestItsTolerance() {
        Map<Integer, List<NumericCheck>> checks = new java.util.TreeMap<>(
                Map.of(1, List.of(check("a", 0.002), check("b", 0.006)), 4, List.of(check("c", 0.004))));

        assertThat(VerifySummary.lines(checks))
                .containsExactly("--verify: 3 checks at batch 1, 4, all within tolerance (the worst, b at batch 1,"
                        + " at 0.60 of its tolerance)");
    }

    private static NumericCheck check(String name, double relNorm) {
        return new NumericCheck(name, 0, -1, 0.5, relNorm, 0.01);
    }
}

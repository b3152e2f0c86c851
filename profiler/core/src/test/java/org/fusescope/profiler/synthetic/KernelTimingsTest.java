package org.fusescope.profiler.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelTimingsTest {
    @ParameterizedTest
    @CsvSource({"1,eager", "1,graph", "16,graph", "64,eager", "256,graph"})
    void fusedTakesLessGpuTimePerStepThanUnfused(int batch, String mode) {
        RunTrace unfused = SyntheticTraceGenerator.generate(SyntheticSpec.qwen3Next(batch, "unfused", mode));
        RunTrace fused = SyntheticTraceGenerator.generate(SyntheticSpec.qwen3Next(batch, "fused", mode));
        for (int step = 0; step < 3; step++) {
            assertThat(gpuNs(fused, step)).as("step " + step).isLessThan(gpuNs(unfused, step));
        }
    }

    @ParameterizedTest
    @CsvSource({"1,23700,82400", "16,282800,379500", "64,775900,1072100"})
    void fusedGraphBlockLiesBetweenTheWeightFloorAndPublicKernels(int batch, double floorNs, double slowNs) {
        RunTrace fused = SyntheticTraceGenerator.generate(SyntheticSpec.qwen3Next(batch, "fused", "graph"));
        List<KernelEvent> step0 = fused.kernels().stream()
                .filter(k -> k.attribution().step() == 0)
                .toList();
        double perBlockNs = (step0.get(step0.size() - 1).endNs() - step0.get(0).startNs()) / 48.0;
        assertThat(perBlockNs).isBetween(floorNs, slowNs);
    }

    @ParameterizedTest
    @CsvSource({"unfused,16", "fused,17"})
    void groupedGemmsReadTheWeightsOfTheExpertsTouched(String variant, int experts) {
        SyntheticSpec spec = SyntheticSpec.tiny(3, variant, "graph");
        RunTrace trace = SyntheticTraceGenerator.generate(spec);
        long expertBytes = 3L * 64 * 256 * 2;
        for (ExpertCounts counts : trace.expertCounts()) {
            long touched = java.util.Arrays.stream(counts.tokensPerExpert())
                    .filter(c -> c > 0)
                    .count();
            long slots = counts.total();
            long weights = trace.kernels().stream()
                    .filter(k -> k.attribution().layer() == counts.layer()
                            && k.attribution().step() == counts.step())
                    .filter(k -> k.attribution().op().startsWith("grouped_gemm"))
                    .mapToLong(k -> k.attribution().bytesRead())
                    .sum();
            long activations = slots * 256 * 2 + slots * (64 * 2 + 4);
            assertThat(counts.experts()).isEqualTo(experts);
            assertThat(weights - activations).isEqualTo(touched * expertBytes);
        }
    }

    @ParameterizedTest
    @CsvSource({"eager", "graph"})
    void groupedGemmsTakeLongerWhenMoreExpertsAreTouched(String mode) {
        double few = meanGroupedGemmNs(SyntheticSpec.qwen3Next(1, "unfused", mode));
        double many = meanGroupedGemmNs(SyntheticSpec.qwen3Next(64, "unfused", mode));
        assertThat(many).isGreaterThan(10 * few);
        assertThat(few).isBetween(10_000.0, 40_000.0);
    }

    private static double meanGroupedGemmNs(SyntheticSpec spec) {
        return SyntheticTraceGenerator.generate(spec).kernels().stream()
                .filter(k -> k.attribution().op().equals("grouped_gemm1"))
                .mapToLong(KernelEvent::durationNs)
                .average()
                .orElseThrow();
    }

    private static long gpuNs(RunTrace trace, int step) {
        long kernels = trace.kernels().stream()
                .filter(k -> k.attribution().step() == step)
                .mapToLong(KernelEvent::durationNs)
                .sum();
        long memsets = trace.memsets().stream()
                .skip((long) step * 48)
                .limit(48)
                .mapToLong(m -> m.durationNs())
                .sum();
        return kernels + memsets;
    }
}

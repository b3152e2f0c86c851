package org.fusescope.profiler.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticTraceGeneratorTest {
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("residual_add", "add_rmsnorm"),
            Map.entry("rmsnorm", "add_rmsnorm"),
            Map.entry("fused_add_rmsnorm", "add_rmsnorm"),
            Map.entry("moe_align", "moe_align"),
            Map.entry("moe_align_fused", "moe_align"),
            Map.entry("shared_expert_gemm_up", "shared_expert"),
            Map.entry("shared_silu_and_mul", "shared_expert"),
            Map.entry("shared_expert_gemm_down", "shared_expert"),
            Map.entry("append_shared_expert", "shared_expert"),
            Map.entry("sigmoid", "shared_gate"),
            Map.entry("mul", "shared_gate"),
            Map.entry("add", "shared_gate"),
            Map.entry("router_gemm", "router_gate"),
            Map.entry("gate_gemv", "router_gate"),
            Map.entry("router_gate_gemm", "router_gate"),
            Map.entry("topk_softmax", "topk_softmax"),
            Map.entry("topk_softmax_shared", "topk_softmax"),
            Map.entry("grouped_gemm1", "grouped_gemm1"),
            Map.entry("silu_and_mul", "silu_and_mul"),
            Map.entry("grouped_gemm2", "grouped_gemm2"),
            Map.entry("moe_sum_reduce", "moe_sum_reduce"));

    @Test
    void sameSeedGivesAnEqualTraceAndAnotherSeedAnotherOne() {
        SyntheticSpec spec = SyntheticSpec.tiny(8, "fused", "eager");
        RunTrace a = SyntheticTraceGenerator.generate(spec);
        RunTrace b = SyntheticTraceGenerator.generate(spec);
        RunTrace c = SyntheticTraceGenerator.generate(spec.withSeed(43));
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(c.expertCounts()).isNotEqualTo(a.expertCounts());
        assertThat(c.kernels()).isNotEqualTo(a.kernels());
    }

    @ParameterizedTest
    @CsvSource({"unfused,eager,4", "fused,eager,5", "unfused,graph,4", "fused,graph,5"})
    void countsAddUpToTokensTimesSlots(String variant, String mode, int slotsPerToken) {
        SyntheticSpec spec = SyntheticSpec.tiny(8, variant, mode);
        RunTrace trace = SyntheticTraceGenerator.generate(spec);
        int experts = "fused".equals(variant) ? 17 : 16;
        assertThat(trace.expertCounts()).hasSize(spec.layers() * spec.steps());
        for (ExpertCounts c : trace.expertCounts()) {
            assertThat(c.total()).isEqualTo(8L * slotsPerToken);
            assertThat(c.experts()).isEqualTo(experts);
            for (int e = 0; e < 16; e++) {
                assertThat(c.tokens(e)).isBetween(0, 8);
            }
        }
    }

    @Test
    void fusedAndUnfusedOfOneSeedRouteIdentically() {
        RunTrace unfused = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(8, "unfused", "graph"));
        RunTrace fused = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(8, "fused", "eager"));
        for (int i = 0; i < unfused.expertCounts().size(); i++) {
            int[] u = unfused.expertCounts().get(i).tokensPerExpert();
            int[] f = fused.expertCounts().get(i).tokensPerExpert();
            assertThat(java.util.Arrays.copyOf(f, 16)).isEqualTo(u);
            assertThat(f[16]).isEqualTo(8);
        }
    }

    @ParameterizedTest
    @CsvSource({"unfused,eager", "fused,eager", "unfused,graph", "fused,graph"})
    void everyKernelHasItsFusionGroup(String variant, String mode) {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, variant, mode));
        List<String> fusedOps =
                List.of("fused_add_rmsnorm", "moe_align_fused", "router_gate_gemm", "topk_softmax_shared");
        for (KernelEvent k : trace.kernels()) {
            assertThat(k.attribution()).as(k.name()).isNotNull();
            assertThat(k.attribution().fusionGroup())
                    .as(k.attribution().op())
                    .isEqualTo(GROUPS.get(k.attribution().op()));
            assertThat(k.attribution().fused())
                    .isEqualTo(fusedOps.contains(k.attribution().op()));
            assertThat(k.attribution().bytes()).isPositive();
            assertThat(k.attribution().layer()).isBetween(0, 1);
            assertThat(k.attribution().step()).isBetween(0, 1);
        }
    }

    @Test
    void kernelsRunInTheLaunchOrderOfKernelsMd() {
        List<String> unfused = opsOfFirstLayer(SyntheticSpec.tiny(4, "unfused", "graph"));
        List<String> fused = opsOfFirstLayer(SyntheticSpec.tiny(4, "fused", "eager"));
        assertThat(unfused)
                .containsExactly(
                        "residual_add",
                        "rmsnorm",
                        "router_gemm",
                        "topk_softmax",
                        "moe_align",
                        "grouped_gemm1",
                        "silu_and_mul",
                        "grouped_gemm2",
                        "moe_sum_reduce",
                        "shared_expert_gemm_up",
                        "shared_silu_and_mul",
                        "shared_expert_gemm_down",
                        "gate_gemv",
                        "sigmoid",
                        "mul",
                        "add");
        assertThat(fused)
                .containsExactly(
                        "fused_add_rmsnorm",
                        "router_gate_gemm",
                        "topk_softmax_shared",
                        "moe_align_fused",
                        "grouped_gemm1",
                        "silu_and_mul",
                        "grouped_gemm2",
                        "moe_sum_reduce");
        KernelEvent router = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, "fused", "eager"))
                .kernels()
                .get(1);
        assertThat(router.name()).startsWith("nvjet_");
    }

    private static List<String> opsOfFirstLayer(SyntheticSpec spec) {
        return SyntheticTraceGenerator.generate(spec).kernels().stream()
                .filter(k -> k.attribution().layer() == 0 && k.attribution().step() == 0)
                .map(k -> k.attribution().op())
                .toList();
    }
}

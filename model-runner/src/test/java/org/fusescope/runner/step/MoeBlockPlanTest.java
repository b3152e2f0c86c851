package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.junit.jupiter.api.Test;

class MoeBlockPlanTest {
    private static List<String> ops(String variant) {
        return MoeBlockPlan.launches(Fusion.parseVariant(variant)).stream()
                .map(Op::opName)
                .toList();
    }

    @Test
    void unfusedIsTheBaselineOfKernelsMd() {
        assertThat(ops("unfused"))
                .containsExactly(
                        "residual_add",
                        "rmsnorm",
                        "router_gemm",
                        "topk_softmax",
                        "memset_expert_token_num",
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
    }

    @Test
    void sharedAsExpertIsTheMergedLightLlmDesign() {
        assertThat(ops("add_rmsnorm+shared_as_expert+moe_align_fused"))
                .containsExactly(
                        "fused_add_rmsnorm",
                        "router_gemm",
                        "gate_gemv",
                        "topk_softmax",
                        "append_shared_expert",
                        "moe_align_fused",
                        "grouped_gemm1",
                        "silu_and_mul",
                        "grouped_gemm2",
                        "moe_sum_reduce");
    }

    @Test
    void fusedAlsoRoutesTheSharedExpertGateThroughTheRouterGemm() {
        assertThat(ops("fused"))
                .containsExactly(
                        "fused_add_rmsnorm",
                        "router_gate_gemm",
                        "topk_softmax_shared_wide",
                        "moe_align_shared_counts",
                        "grouped_gemm1",
                        "silu_and_mul",
                        "grouped_gemm2",
                        "moe_sum_reduce");
        assertThat(MoeBlockPlan.launches(Fusion.parseVariant("fused")).stream().filter(Op::fused))
                .extracting(Op::opName)
                .containsExactly(
                        "fused_add_rmsnorm", "router_gate_gemm", "topk_softmax_shared_wide", "moe_align_shared_counts");
        assertThatThrownBy(() -> Fusion.parseVariant("router_gate"))
                .hasMessageContaining("router_gate needs shared_as_expert");
    }

    private static List<String> ops(String variant, int batch) {
        return MoeBlockPlan.launches(Fusion.parseVariant(variant), batch).stream()
                .map(Op::opName)
                .toList();
    }

    @Test
    void fusedHasTheKernelChoicesAndTheSmallBatchKernelsUpToTheirBatch() {
        assertThat(Fusion.parseVariant("fused"))
                .contains(Fusion.TOPK_WIDE, Fusion.ALIGN_SHARED_COUNTS, Fusion.ROUTER_GEMV)
                .contains(Fusion.GEMM1_SILU, Fusion.GEMM2_SUM)
                .doesNotContain(Fusion.SHARED_GATE);
        for (int m : new int[] {1, MoeBlockPlan.ROUTER_GEMV_MAX_BATCH}) {
            assertThat(ops("fused", m))
                    .as("M = %d", m)
                    .containsExactly(
                            "fused_add_rmsnorm",
                            "router_gate_gemv",
                            "topk_softmax_shared_wide",
                            "moe_align_shared_counts",
                            "grouped_gemm1_silu",
                            "grouped_gemm2_sum");
        }
        assertThat(ops("fused", MoeBlockPlan.ROUTER_GEMV_MAX_BATCH + 1))
                .startsWith("fused_add_rmsnorm", "router_gate_gemm");
        assertThat(ops("fused", MoeBlockPlan.SMALL_GEMM_MAX_BATCH)).endsWith("grouped_gemm1_silu", "grouped_gemm2_sum");
        assertThat(ops("fused", MoeBlockPlan.SMALL_GEMM_MAX_BATCH + 1)).isEqualTo(ops("fused"));
        assertThat(ops("fused-gemm1_silu-gemm2_sum", 4))
                .endsWith("grouped_gemm1", "silu_and_mul", "grouped_gemm2", "moe_sum_reduce");
        assertThat(ops("fused-router_gemv", 1)).contains("router_gate_gemm").doesNotContain("router_gate_gemv");
        assertThat(ops("shared_as_expert+router_gate+router_gemv+topk_wide", 1))
                .containsSubsequence("router_gate_gemv", "topk_softmax_shared_wide", "memset_expert_token_num");
        // the fused kernels keep the groups of the GEMMs they extend; what they absorb leaves its group empty
        assertThat(MoeBlockPlan.launches(Fusion.parseVariant("fused"), 1).stream()
                        .map(Op::fusionGroup))
                .containsExactly(
                        "add_rmsnorm", "router_gate", "topk_softmax", "moe_align", "grouped_gemm1", "grouped_gemm2");
        assertThat(MoeBlockPlan.launches(Fusion.parseVariant("fused-topk_wide-align_shared_counts"), 1).stream()
                        .map(Op::fusionGroup))
                .isEqualTo(MoeBlockPlan.launches(Fusion.parseVariant("fused"), 1).stream()
                        .map(Op::fusionGroup)
                        .toList());
        assertThatThrownBy(() -> Fusion.parseVariant("shared_as_expert+router_gemv"))
                .hasMessage("router_gemv needs router_gate (it replaces a kernel of router_gate)");
        assertThatThrownBy(() -> Fusion.parseVariant("topk_wide"))
                .hasMessage("topk_wide needs router_gate (it replaces a kernel of router_gate)");
        assertThatThrownBy(() -> Fusion.parseVariant("align_shared_counts"))
                .hasMessage("align_shared_counts needs moe_align_fused (it replaces a kernel of moe_align_fused)");
        assertThat(Fusion.ROUTER_GEMV.optIn()).isFalse();
        assertThat(Fusion.ROUTER_GEMV.kernelChoice()).isTrue();
        assertThat(Fusion.TOPK_WIDE.optIn()).isFalse();
        assertThat(Fusion.TOPK_WIDE.kernelChoice()).isTrue();
        assertThat(Fusion.TOPK_WIDE.replacesKernelOf()).isEqualTo(Fusion.ROUTER_GATE);
        assertThat(Fusion.ALIGN_SHARED_COUNTS.replacesKernelOf()).isEqualTo(Fusion.MOE_ALIGN_FUSED);
        assertThat(Fusion.GEMM1_SILU.kernelChoice()).isFalse();
        assertThat(Fusion.ROUTER_GATE.optIn()).isFalse();
        assertThat(Fusion.ROUTER_GATE.kernelChoice()).isFalse();
    }

    @Test
    void groupedGemm2SumOnlyWhereItsSixtyFourSlotsHoldTheBatch() {
        assertThat(MoeBlockPlan.launches(Fusion.parseVariant("fused"), 4, 16).stream()
                        .map(Op::opName))
                .contains("grouped_gemm1_silu", "grouped_gemm2_sum");
        assertThat(MoeBlockPlan.launches(Fusion.parseVariant("fused"), 4, 17).stream()
                        .map(Op::opName))
                .as("4 tokens x 17 slots = 68 > 64")
                .contains("grouped_gemm1_silu", "grouped_gemm2", "moe_sum_reduce")
                .doesNotContain("grouped_gemm2_sum");
        assertThat(MoeBlockPlan.launches(Fusion.parseVariant("fused"), 1, 64).stream()
                        .map(Op::opName))
                .contains("grouped_gemm2_sum");
    }

    @Test
    void takingSwitchesOutOfFusedNamesTheKernelsTheyReplace() {
        assertThat(ops("fused-topk_wide"))
                .startsWith("fused_add_rmsnorm", "router_gate_gemm", "topk_softmax_shared", "moe_align_shared_counts");
        assertThat(ops("fused-align_shared_counts"))
                .contains("moe_align_fused")
                .doesNotContain("moe_align_shared_counts");
        assertThat(ops("fused-topk_wide-align_shared_counts"))
                .isEqualTo(ops("fused").stream()
                        .map(op -> switch (op) {
                            case "topk_softmax_shared_wide" -> "topk_softmax_shared";
                            case "moe_align_shared_counts" -> "moe_align_fused";
                            default -> op;
                        })
                        .toList());
        assertThat(Fusion.parseVariant(" Fused - topk_wide + router_gemv "))
                .isEqualTo(Fusion.parseVariant("fused-topk_wide"));
        assertThat(ops("fused-topk_wide+topk_wide")).isEqualTo(ops("fused"));
        assertThatThrownBy(() -> Fusion.parseVariant("fused-router_gemv-router_gemv"))
                .hasMessageStartingWith("cannot take out router_gemv: it is not on in 'fused-router_gemv-router_gemv'");
        assertThatThrownBy(() -> Fusion.parseVariant("fused-moe_align_fused"))
                .hasMessage("align_shared_counts needs moe_align_fused (it replaces a kernel of moe_align_fused);"
                        + " take it out too (-align_shared_counts)");
        assertThat(ops("fused-align_shared_counts-moe_align_fused"))
                .containsSubsequence("memset_expert_token_num", "moe_align");
        assertThatThrownBy(() -> Fusion.parseVariant("fused-warp_drive")).hasMessageContaining("'warp_drive'");
    }

    @Test
    void eachSwitchReplacesOnlyItsOwnLaunches() {
        assertThat(ops("add_rmsnorm"))
                .startsWith("fused_add_rmsnorm", "router_gemm")
                .hasSize(16);
        assertThat(ops("moe_align_fused"))
                .contains("moe_align_fused")
                .doesNotContain("moe_align", "memset_expert_token_num")
                .hasSize(16);
        assertThat(ops("shared_gate"))
                .endsWith("gate_gemv", "add_shared_expert_gate")
                .hasSize(15);
        assertThat(ops("sigmoid_mul")).isEqualTo(ops("unfused")); // the attention gate is not in the MoE block
    }

    @Test
    void everyFusionGroupOfTheFusedPlanExistsInTheUnfusedOne() {
        Set<String> unfused = groups("unfused");
        assertThat(unfused).containsAll(groups("fused")).containsAll(groups("add_rmsnorm+shared_gate+moe_align_fused"));
        assertThat(unfused).contains("add_rmsnorm", "router_gate", "moe_align", "shared_expert", "shared_gate");
    }

    @Test
    void variantsParseAndBadOnesAreNamed() {
        assertThat(Fusion.parseVariant("add_rmsnorm+moe_align_fused"))
                .isEqualTo(EnumSet.of(Fusion.ADD_RMSNORM, Fusion.MOE_ALIGN_FUSED));
        assertThat(Fusion.parseVariant(" Unfused ")).isEmpty();
        assertThatThrownBy(() -> Fusion.parseVariant("add_rmsnorm+warp_drive"))
                .hasMessageContaining("'warp_drive'")
                .hasMessageContaining("shared_as_expert");
        assertThatThrownBy(() -> Fusion.parseVariant("shared_gate,shared_as_expert"))
                .hasMessageContaining("supersedes");
    }

    private static Set<String> groups(String variant) {
        return MoeBlockPlan.launches(Fusion.parseVariant(variant)).stream()
                .map(Op::fusionGroup)
                .collect(Collectors.toSet());
    }
}

package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.LaunchKind;
import org.fusescope.profiler.ops.Op;
import org.junit.jupiter.api.Test;

class MixerPlansTest {
    private static final DecodeContext ONE_PASS = DecodeContext.of(1024);
    private static final DecodeContext SPLIT = new DecodeContext(1024, 4);

    private static List<String> gdn(String variant) {
        return LinearAttentionPlan.launches(Fusion.parseVariant(variant)).stream()
                .map(Op::opName)
                .toList();
    }

    private static List<String> attention(String variant, DecodeContext context) {
        return AttentionPlan.launches(Fusion.parseVariant(variant), context).stream()
                .map(Op::opName)
                .toList();
    }

    @Test
    void unfusedGatedDeltaNetIsTheBaselineOfKernelsMd() {
        assertThat(gdn("unfused"))
                .containsExactly(
                        "residual_add",
                        "rmsnorm",
                        "in_proj_gemm",
                        "causal_conv1d_update",
                        "gdn_split",
                        "gated_delta_rule",
                        "gated_rmsnorm",
                        "gdn_out_proj_gemm");
    }

    @Test
    void fusedGatedDeltaNetPacksTheConvolution() {
        assertThat(gdn("fused"))
                .containsExactly(
                        "fused_add_rmsnorm",
                        "in_proj_gemm",
                        "conv_pack_gdn",
                        "gated_delta_rule",
                        "gated_rmsnorm",
                        "gdn_out_proj_gemm");
        assertThat(gdn("conv_pack_gdn"))
                .containsExactly(
                        "residual_add",
                        "rmsnorm",
                        "in_proj_gemm",
                        "conv_pack_gdn",
                        "gated_delta_rule",
                        "gated_rmsnorm",
                        "gdn_out_proj_gemm");
        assertThat(gdn("sigmoid_mul+qkvo_gemm+moe_align_fused")).isEqualTo(gdn("unfused"));
    }

    @Test
    void unfusedAttentionIsTheBaselineOfKernelsMd() {
        assertThat(attention("unfused", ONE_PASS))
                .containsExactly(
                        "residual_add",
                        "rmsnorm",
                        "q_proj_gemm",
                        "k_proj_gemm",
                        "v_proj_gemm",
                        "qk_rmsnorm",
                        "rotary_partial",
                        "kv_append",
                        "decode_attention",
                        "sigmoid",
                        "mul",
                        "o_proj_gemm");
    }

    @Test
    void fusedAttentionHasOneProjectionAndOneGateKernel() {
        assertThat(attention("fused", ONE_PASS))
                .containsExactly(
                        "fused_add_rmsnorm",
                        "qkv_proj_gemm",
                        "qk_rmsnorm",
                        "rotary_partial",
                        "kv_append",
                        "decode_attention",
                        "sigmoid_mul",
                        "o_proj_gemm");
        assertThat(attention("qkvo_gemm", ONE_PASS))
                .startsWith("residual_add", "rmsnorm", "qkv_proj_gemm", "qk_rmsnorm")
                .contains("sigmoid", "mul")
                .hasSize(10);
        assertThat(attention("sigmoid_mul", ONE_PASS))
                .contains("q_proj_gemm", "k_proj_gemm", "v_proj_gemm", "sigmoid_mul")
                .doesNotContain("sigmoid", "mul")
                .hasSize(11);
        assertThat(attention("conv_pack_gdn+shared_as_expert", ONE_PASS)).isEqualTo(attention("unfused", ONE_PASS));
    }

    @Test
    void aSplitContextAddsTheCombineRightAfterAttention() {
        for (String variant : List.of("unfused", "fused")) {
            List<String> split = attention(variant, SPLIT);
            assertThat(split).hasSize(attention(variant, ONE_PASS).size() + 1);
            assertThat(split.get(split.indexOf("decode_attention") + 1)).isEqualTo("decode_attention_combine");
        }
        assertThat(AttentionPlan.launches(Set.of(), SPLIT))
                .filteredOn(l -> l.opName().startsWith("decode_attention"))
                .extracting(Op::fusionGroup)
                .containsOnly("decode_attention");
    }

    @Test
    void fusedFlagsAndKinds() {
        assertThat(LinearAttentionPlan.launches(Fusion.parseVariant("fused")))
                .filteredOn(Op::fused)
                .extracting(Op::opName)
                .containsExactly("fused_add_rmsnorm", "conv_pack_gdn");
        assertThat(AttentionPlan.launches(Fusion.parseVariant("fused"), SPLIT))
                .filteredOn(Op::fused)
                .extracting(Op::opName)
                .containsExactly("fused_add_rmsnorm", "qkv_proj_gemm", "sigmoid_mul");
        assertThat(AttentionPlan.launches(Fusion.parseVariant("unfused"), SPLIT))
                .noneMatch(Op::fused)
                .filteredOn(l -> l.kind() == LaunchKind.CUBLAS)
                .extracting(Op::opName)
                .containsExactly("q_proj_gemm", "k_proj_gemm", "v_proj_gemm", "o_proj_gemm");
        assertThat(LinearAttentionPlan.launches(Set.of()))
                .filteredOn(l -> l.kind() == LaunchKind.CUBLAS)
                .extracting(Op::opName)
                .containsExactly("in_proj_gemm", "gdn_out_proj_gemm");
    }

    @Test
    void everyFusedLaunchReplacesUnfusedLaunchesOfItsGroup() {
        List<Op> unfused = AttentionPlan.launches(Set.of(), SPLIT);
        unfused = concat(unfused, LinearAttentionPlan.launches(Set.of()));
        List<Op> fused = concat(
                AttentionPlan.launches(Fusion.parseVariant("fused"), SPLIT),
                LinearAttentionPlan.launches(Fusion.parseVariant("fused")));
        Set<String> unfusedGroups = unfused.stream().map(Op::fusionGroup).collect(Collectors.toSet());
        assertThat(unfusedGroups)
                .containsAll(fused.stream().map(Op::fusionGroup).toList());
        for (Op f : fused.stream().filter(Op::fused).toList()) {
            assertThat(unfused.stream().filter(u -> u.fusionGroup().equals(f.fusionGroup())))
                    .as("unfused launches of group %s", f.fusionGroup())
                    .hasSizeGreaterThanOrEqualTo(2)
                    .noneMatch(Op::fused)
                    .noneMatch(u -> u.opName().equals(f.opName()));
        }
        assertThat(fused.size()).isLessThan(unfused.size());
    }

    private static List<Op> concat(List<Op> a, List<Op> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}

package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.kernels.ops.Work;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.junit.jupiter.api.Test;

class MixerOpWorkTest {
    private static final ModelConfig NEXT = ModelConfig.preset("qwen3-next-80b-a3b");
    private static final int M = 16;

    private static StepSpec spec(String variant, DecodeContext context) {
        return new StepSpec(NEXT, Fusion.parseVariant(variant), M, 4, RoutingScenario.parse("uniform"), 0, context);
    }

    private static Work work(String op, String group, StepSpec spec) {
        return OpWork.of(catalogOp(op, group), spec, 1);
    }

    private static Work work(String op, StepSpec spec) {
        return OpWork.of(catalogOp(op, null), spec, 1);
    }

    /** The catalog's op named {@code op} (in fusion group {@code group}, when given). */
    private static Op catalogOp(String op, String group) {
        return java.util.Arrays.stream(Op.values())
                .filter(o -> o.opName().equals(op)
                        && (group == null || o.fusionGroup().equals(group)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void everyLaunchOfEveryVariantHasWork() {
        for (String variant : List.of(
                "unfused", "fused", "add_rmsnorm+shared_gate", "fused+router_gemv+topk_wide+align_shared_counts")) {
            for (DecodeContext context : List.of(DecodeContext.of(100), new DecodeContext(100, 4))) {
                StepSpec spec = spec(variant, context);
                for (LayerPlan layer : DecoderStepPlan.of(spec)) {
                    for (Op l : layer.launches()) {
                        Work w = OpWork.of(l, spec, 8);
                        assertThat(w.bytes())
                                .as("%s in %s", l.opName(), variant)
                                .isPositive();
                    }
                }
            }
        }
    }

    @Test
    void projectionGemmsCountTheirMultiplyAdds() {
        StepSpec spec = spec("unfused", DecodeContext.of(10));
        LinearAttentionDims g = NEXT.linear();
        AttentionDims a = NEXT.attention();
        long h = NEXT.hidden();
        assertThat(work("in_proj_gemm", spec).flops()).isEqualTo(2L * M * g.projectionDim() * h);
        assertThat(work("gdn_out_proj_gemm", spec).flops()).isEqualTo(2L * M * h * g.valueHeads() * g.valueDim());
        long q = work("q_proj_gemm", spec).flops();
        long k = work("k_proj_gemm", spec).flops();
        long v = work("v_proj_gemm", spec).flops();
        assertThat(q).isEqualTo(2L * M * 2 * a.queryHeads() * a.headDim() * h);
        assertThat(work("qkv_proj_gemm", spec).flops()).isEqualTo(q + k + v);
        assertThat(work("qkv_proj_gemm", spec).bytes())
                .isLessThan(work("q_proj_gemm", spec).bytes()
                        + work("k_proj_gemm", spec).bytes()
                        + work("v_proj_gemm", spec).bytes());
    }

    @Test
    void fusedKernelsMoveLessThanTheKernelsTheyReplace() {
        StepSpec spec = spec("unfused", DecodeContext.of(10));
        assertThat(work("conv_pack_gdn", spec).bytes())
                .isLessThan(work("causal_conv1d_update", spec).bytes()
                        + work("gdn_split", spec).bytes());
        assertThat(work("sigmoid_mul", spec).bytes())
                .isLessThan(work("sigmoid", "sigmoid_mul", spec).bytes()
                        + work("mul", "sigmoid_mul", spec).bytes());
    }

    @Test
    void recurrentStateIsReadAndWrittenInFp32() {
        StepSpec spec = spec("unfused", DecodeContext.of(10));
        LinearAttentionDims g = NEXT.linear();
        long state = 4L * M * g.valueHeads() * g.keyDim() * g.valueDim();
        Work w = work("gated_delta_rule", spec);
        assertThat(w.bytesRead()).isGreaterThan(state).isLessThan(state + state / 10);
        assertThat(w.bytesWritten()).isEqualTo(state + 2L * M * g.valueHeads() * g.valueDim());
    }

    @Test
    void decodeAttentionReadsTheWholeCacheAndSplitsWriteFp32Partials() {
        AttentionDims a = NEXT.attention();
        long kvPerToken = 2L * 2 * a.kvHeads() * a.headDim();
        Work short1 = work("decode_attention", spec("unfused", DecodeContext.of(999)));
        Work long1 = work("decode_attention", spec("unfused", DecodeContext.of(1999)));
        assertThat(long1.bytesRead() - short1.bytesRead()).isEqualTo(M * 1000 * kvPerToken);
        assertThat(short1.bytesWritten()).isEqualTo(2L * M * a.queryHeads() * a.headDim());
        Work split = work("decode_attention", spec("unfused", new DecodeContext(999, 4)));
        long partials = 4L * M * a.queryHeads() * 4 * (a.headDim() + 1);
        assertThat(split.bytesWritten()).isEqualTo(partials);
        assertThat(work("decode_attention_combine", spec("unfused", new DecodeContext(999, 4)))
                        .bytesRead())
                .isEqualTo(partials);
    }

    @Test
    void sigmoidAndMulKeepTheSharedExpertShapesOutsideTheAttentionGate() {
        StepSpec spec = spec("unfused", DecodeContext.of(10));
        assertThat(work("sigmoid", "shared_gate", spec).bytes()).isEqualTo(2L * 2 * M);
        assertThat(work("sigmoid", "sigmoid_mul", spec).bytes())
                .isEqualTo(2L
                        * 2
                        * M
                        * NEXT.attention().queryHeads()
                        * NEXT.attention().headDim());
        for (Op op : Op.values()) {
            assertThat(OpWork.of(op, spec, 8).bytes()).as("work of %s", op).isPositive();
        }
    }
}

package org.fusescope.profiler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The colour family of every op the runner records (and of some foreign kernel names). */
class OpFamilyTest {
    @ParameterizedTest
    @CsvSource({
        "fused_add_rmsnorm, NORM",
        "residual_add, NORM",
        "gated_rmsnorm, NORM",
        "qk_rmsnorm, NORM",
        "router_gemm, ROUTING",
        "topk_softmax, ROUTING",
        "router_gate_gemm, ROUTING",
        "topk_softmax_shared, ROUTING",
        "moe_align_fused, ALIGN",
        "grouped_gemm1, GEMM",
        "in_proj_gemm, GEMM",
        "gdn_out_proj_gemm, GEMM",
        "qkv_proj_gemm, GEMM",
        "o_proj_gemm, GEMM",
        "silu_and_mul, ACTIVATION",
        "sigmoid_mul, ACTIVATION",
        "moe_sum_reduce, REDUCE",
        "shared_up_gemm, SHARED",
        "gate_gemv, GATE",
        "causal_conv1d_update, LINEAR_ATTENTION",
        "gdn_split, LINEAR_ATTENTION",
        "conv_pack_gdn, LINEAR_ATTENTION",
        "gated_delta_rule, LINEAR_ATTENTION",
        "rotary_partial, ATTENTION",
        "kv_append, ATTENTION",
        "decode_attention, ATTENTION",
        "decode_attention_combine, ATTENTION",
        "decode_attention_split_kernel, ATTENTION",
        "cuMemsetD8Async, MEMORY",
        "some_kernel, OTHER"
    })
    void eachOpHasItsFamily(String op, OpFamily family) {
        assertThat(OpFamily.ofName(op)).isEqualTo(family);
    }
}

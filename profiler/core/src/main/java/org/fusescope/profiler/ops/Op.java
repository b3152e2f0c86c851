package org.fusescope.profiler.ops;

import static org.fusescope.profiler.ops.Block.ATTENTION;
import static org.fusescope.profiler.ops.Block.LINEAR_ATTENTION;
import static org.fusescope.profiler.ops.Block.MOE;
import static org.fusescope.profiler.ops.Block.SUB_BLOCK_NORM;
import static org.fusescope.profiler.ops.LaunchKind.CUBLAS;
import static org.fusescope.profiler.ops.LaunchKind.KERNEL;

import java.util.Arrays;
import java.util.Optional;

/**
 * The op catalog: every op of the decode step, defined once. An op is one launch of the plan: its name (the
 * range marker's text and the attribution's op in a recording), the block it belongs to, the fusion group
 * the comparison matches across variants, whether it is a fused kernel that replaces several unfused ones,
 * its colour family and what it launches. The runner's plans list these constants, its GPU binding and work
 * model switch over them (the compiler checks that every op is bound), the synthetic generator names its
 * kernels by them and the recorder stores their families, so the workbench reads ops as data.
 *
 * <p>Two ops may share a name when the same kernel does the same thing in two blocks ({@code sigmoid} and
 * {@code mul} gate both the shared expert and the attention output); their fusion groups tell them apart.
 */
public enum Op {
    RESIDUAL_ADD("residual_add", SUB_BLOCK_NORM, "add_rmsnorm", false, OpFamily.NORM, KERNEL),
    RMSNORM("rmsnorm", SUB_BLOCK_NORM, "add_rmsnorm", false, OpFamily.NORM, KERNEL),
    FUSED_ADD_RMSNORM("fused_add_rmsnorm", SUB_BLOCK_NORM, "add_rmsnorm", true, OpFamily.NORM, KERNEL),

    ROUTER_GEMM("router_gemm", MOE, "router_gate", false, OpFamily.ROUTING, CUBLAS),
    GATE_GEMV("gate_gemv", MOE, "router_gate", false, OpFamily.GATE, CUBLAS),
    ROUTER_GATE_GEMM("router_gate_gemm", MOE, "router_gate", true, OpFamily.ROUTING, CUBLAS),
    ROUTER_GATE_GEMV("router_gate_gemv", MOE, "router_gate", true, OpFamily.ROUTING, KERNEL),
    TOPK_SOFTMAX("topk_softmax", MOE, "topk_softmax", false, OpFamily.ROUTING, KERNEL),
    TOPK_SOFTMAX_SHARED("topk_softmax_shared", MOE, "topk_softmax", true, OpFamily.ROUTING, KERNEL),
    TOPK_SOFTMAX_SHARED_WIDE("topk_softmax_shared_wide", MOE, "topk_softmax", true, OpFamily.ROUTING, KERNEL),
    APPEND_SHARED_EXPERT("append_shared_expert", MOE, "shared_expert", true, OpFamily.SHARED, KERNEL),
    /**
     * Zeroes the expert counts: a kernel ({@code zero_counts_kernel}), as LightLLM's {@code torch.zeros} is; the op
     * keeps the name earlier recordings, when it was a memset, gave it.
     */
    MEMSET_EXPERT_TOKEN_NUM("memset_expert_token_num", MOE, "moe_align", false, OpFamily.MEMORY, KERNEL),
    MOE_ALIGN("moe_align", MOE, "moe_align", false, OpFamily.ALIGN, KERNEL),
    MOE_ALIGN_FUSED("moe_align_fused", MOE, "moe_align", true, OpFamily.ALIGN, KERNEL),
    MOE_ALIGN_SHARED_COUNTS("moe_align_shared_counts", MOE, "moe_align", true, OpFamily.ALIGN, KERNEL),
    GROUPED_GEMM1("grouped_gemm1", MOE, "grouped_gemm1", false, OpFamily.GEMM, KERNEL),
    GROUPED_GEMM1_SILU("grouped_gemm1_silu", MOE, "grouped_gemm1", true, OpFamily.GEMM, KERNEL),
    SILU_AND_MUL("silu_and_mul", MOE, "silu_and_mul", false, OpFamily.ACTIVATION, KERNEL),
    GROUPED_GEMM2("grouped_gemm2", MOE, "grouped_gemm2", false, OpFamily.GEMM, KERNEL),
    GROUPED_GEMM2_SUM("grouped_gemm2_sum", MOE, "grouped_gemm2", true, OpFamily.GEMM, KERNEL),
    MOE_SUM_REDUCE("moe_sum_reduce", MOE, "moe_sum_reduce", false, OpFamily.REDUCE, KERNEL),
    SHARED_EXPERT_GEMM_UP("shared_expert_gemm_up", MOE, "shared_expert", false, OpFamily.SHARED, CUBLAS),
    SHARED_SILU_AND_MUL("shared_silu_and_mul", MOE, "shared_expert", false, OpFamily.SHARED, KERNEL),
    SHARED_EXPERT_GEMM_DOWN("shared_expert_gemm_down", MOE, "shared_expert", false, OpFamily.SHARED, CUBLAS),
    SHARED_GATE_SIGMOID("sigmoid", MOE, "shared_gate", false, OpFamily.ACTIVATION, KERNEL),
    SHARED_GATE_MUL("mul", MOE, "shared_gate", false, OpFamily.ACTIVATION, KERNEL),
    SHARED_GATE_ADD("add", MOE, "shared_gate", false, OpFamily.ACTIVATION, KERNEL),
    ADD_SHARED_EXPERT_GATE("add_shared_expert_gate", MOE, "shared_gate", true, OpFamily.GATE, KERNEL),

    IN_PROJ_GEMM("in_proj_gemm", LINEAR_ATTENTION, "in_proj_gemm", false, OpFamily.GEMM, CUBLAS),
    CAUSAL_CONV1D_UPDATE(
            "causal_conv1d_update", LINEAR_ATTENTION, "conv_pack_gdn", false, OpFamily.LINEAR_ATTENTION, KERNEL),
    GDN_SPLIT("gdn_split", LINEAR_ATTENTION, "conv_pack_gdn", false, OpFamily.LINEAR_ATTENTION, KERNEL),
    CONV_PACK_GDN("conv_pack_gdn", LINEAR_ATTENTION, "conv_pack_gdn", true, OpFamily.LINEAR_ATTENTION, KERNEL),
    GATED_DELTA_RULE(
            "gated_delta_rule", LINEAR_ATTENTION, "gated_delta_rule", false, OpFamily.LINEAR_ATTENTION, KERNEL),
    GATED_RMSNORM("gated_rmsnorm", LINEAR_ATTENTION, "gated_rmsnorm", false, OpFamily.NORM, KERNEL),
    GDN_OUT_PROJ_GEMM("gdn_out_proj_gemm", LINEAR_ATTENTION, "gdn_out_proj_gemm", false, OpFamily.GEMM, CUBLAS),

    Q_PROJ_GEMM("q_proj_gemm", ATTENTION, "qkvo_gemm", false, OpFamily.GEMM, CUBLAS),
    K_PROJ_GEMM("k_proj_gemm", ATTENTION, "qkvo_gemm", false, OpFamily.GEMM, CUBLAS),
    V_PROJ_GEMM("v_proj_gemm", ATTENTION, "qkvo_gemm", false, OpFamily.GEMM, CUBLAS),
    QKV_PROJ_GEMM("qkv_proj_gemm", ATTENTION, "qkvo_gemm", true, OpFamily.GEMM, CUBLAS),
    QK_RMSNORM("qk_rmsnorm", ATTENTION, "qk_rmsnorm", false, OpFamily.NORM, KERNEL),
    ROTARY_PARTIAL("rotary_partial", ATTENTION, "rotary_partial", false, OpFamily.ATTENTION, KERNEL),
    KV_APPEND("kv_append", ATTENTION, "kv_append", false, OpFamily.ATTENTION, KERNEL),
    DECODE_ATTENTION("decode_attention", ATTENTION, "decode_attention", false, OpFamily.ATTENTION, KERNEL),
    DECODE_ATTENTION_COMBINE(
            "decode_attention_combine", ATTENTION, "decode_attention", false, OpFamily.ATTENTION, KERNEL),
    ATTENTION_GATE_SIGMOID("sigmoid", ATTENTION, "sigmoid_mul", false, OpFamily.ACTIVATION, KERNEL),
    ATTENTION_GATE_MUL("mul", ATTENTION, "sigmoid_mul", false, OpFamily.ACTIVATION, KERNEL),
    SIGMOID_MUL("sigmoid_mul", ATTENTION, "sigmoid_mul", true, OpFamily.ACTIVATION, KERNEL),
    O_PROJ_GEMM("o_proj_gemm", ATTENTION, "o_proj_gemm", false, OpFamily.GEMM, CUBLAS);

    /** The metadata key prefix under which a recording stores an op's family: {@code fusescope.op.NAME.family}. */
    private static final String FAMILY_KEY = "fusescope.op.%s.family";

    private final String opName;
    private final Block block;
    private final String fusionGroup;
    private final boolean fused;
    private final OpFamily family;
    private final LaunchKind kind;

    Op(String opName, Block block, String fusionGroup, boolean fused, OpFamily family, LaunchKind kind) {
        this.opName = opName;
        this.block = block;
        this.fusionGroup = fusionGroup;
        this.fused = fused;
        this.family = family;
        this.kind = kind;
    }

    /** The op's name in range markers and attributions, e.g. {@code topk_softmax}. */
    public String opName() {
        return opName;
    }

    public Block block() {
        return block;
    }

    /** The group the comparison matches across variants (the op's own name when it is in no fusion). */
    public String fusionGroup() {
        return fusionGroup;
    }

    /** True for a kernel that replaces several unfused ones. */
    public boolean fused() {
        return fused;
    }

    /** The timeline colour family. */
    public OpFamily family() {
        return family;
    }

    /** What the launch runs: one of our kernels or a cuBLAS call. */
    public LaunchKind kind() {
        return kind;
    }

    /** The metadata key a recording stores this op's family under. */
    public String familyKey() {
        return familyKey(opName);
    }

    /** The metadata key of the family of the op named {@code opName}. */
    public static String familyKey(String opName) {
        return String.format(java.util.Locale.ROOT, FAMILY_KEY, opName);
    }

    /** The op of {@code block} named {@code opName}, if the catalog has one. */
    public static Optional<Op> named(String opName, Block block) {
        return Arrays.stream(values())
                .filter(op -> op.opName.equals(opName) && op.block == block)
                .findFirst();
    }
}

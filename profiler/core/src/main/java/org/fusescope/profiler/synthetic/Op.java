package org.fusescope.profiler.synthetic;

/**
 * The kernels of the MoE block: op name, fusion group, kernel name, launch resources, and the
 * parameters of the duration model (a fixed floor plus bytes at a sustained bandwidth).
 *
 * <p>Fusion groups are the unit the comparison matches across variants, so they are fixed here:
 * {@code add_rmsnorm}, {@code router_gate}, {@code moe_align}, {@code shared_expert}, {@code
 * shared_gate}, and the op itself for every other op.
 */
enum Op {
    RESIDUAL_ADD("residual_add", "add_rmsnorm", false, null, 1_500, 2.8, 16, 256),
    RMSNORM("rmsnorm", "add_rmsnorm", false, null, 1_750, 2.8, 32, 256),
    FUSED_ADD_RMSNORM("fused_add_rmsnorm", "add_rmsnorm", true, null, 1_850, 2.8, 32, 256),
    ROUTER_GEMM("router_gemm", "router_gate", false, "nvjet_tst_64x8_64x16_1x4_h_bz_TNT", 3_000, 2.6, 168, 128),
    GATE_GEMV("gate_gemv", "router_gate", false, null, 1_900, 2.6, 32, 128),
    ROUTER_GATE_GEMM(
            "router_gate_gemm", "router_gate", true, "nvjet_tst_64x8_64x16_1x4_h_bz_TNT", 3_050, 2.6, 168, 128),
    TOPK_SOFTMAX("topk_softmax", null, false, null, 2_200, 2.8, 40, 256),
    TOPK_SOFTMAX_SHARED("topk_softmax_shared", "topk_softmax", true, null, 2_300, 2.8, 40, 256),
    APPEND_SHARED_EXPERT("append_shared_expert", "shared_expert", true, null, 1_550, 2.8, 24, 256),
    MOE_ALIGN("moe_align", "moe_align", false, null, 2_000, 2.8, 32, 1024),
    MOE_ALIGN_FUSED("moe_align_fused", "moe_align", true, null, 2_150, 2.8, 32, 1024),
    GROUPED_GEMM1("grouped_gemm1", null, false, null, 2_500, 2.5, 168, 128),
    SILU_AND_MUL("silu_and_mul", null, false, null, 1_550, 2.8, 24, 256),
    GROUPED_GEMM2("grouped_gemm2", null, false, null, 2_500, 2.5, 168, 128),
    MOE_SUM_REDUCE("moe_sum_reduce", null, false, null, 1_800, 2.8, 32, 256),
    SHARED_GEMM_UP(
            "shared_expert_gemm_up", "shared_expert", false, "nvjet_tst_64x8_64x16_2x1_v_bz_TNT", 2_800, 2.6, 168, 128),
    SHARED_SILU_AND_MUL("shared_silu_and_mul", "shared_expert", false, "silu_and_mul_kernel", 1_550, 2.8, 24, 256),
    SHARED_GEMM_DOWN(
            "shared_expert_gemm_down",
            "shared_expert",
            false,
            "nvjet_tst_64x8_64x16_1x2_h_bz_TNN",
            2_800,
            2.6,
            168,
            128),
    SIGMOID("sigmoid", "shared_gate", false, null, 1_450, 2.8, 16, 256),
    MUL("mul", "shared_gate", false, null, 1_500, 2.8, 16, 256),
    ADD("add", "shared_gate", false, null, 1_500, 2.8, 16, 256),
    ADD_SHARED_EXPERT_GATE("add_shared_expert_gate", "shared_gate", true, null, 1_600, 2.8, 24, 256);

    private final String opName;
    private final String group;
    private final boolean fused;
    private final String kernelName;
    private final long floorNs;
    private final double bytesPerNs;
    private final int registers;
    private final int threads;

    Op(
            String opName,
            String group,
            boolean fused,
            String kernelName,
            long floorNs,
            double tbPerSec,
            int registers,
            int threads) {
        this.opName = opName;
        this.group = group == null ? opName : group;
        this.fused = fused;
        this.kernelName = kernelName == null ? opName + "_kernel" : kernelName;
        this.floorNs = floorNs;
        this.bytesPerNs = tbPerSec * 1000.0;
        this.registers = registers;
        this.threads = threads;
    }

    /** The op name of the attribution, e.g. {@code topk_softmax}. */
    String opName() {
        return opName;
    }

    /** The fusion group (the op itself when it belongs to no fusion). */
    String group() {
        return group;
    }

    /** True for a kernel that replaces several unfused ones. */
    boolean fused() {
        return fused;
    }

    /** The kernel's (short) name: {@code <op>_kernel}, or a cuBLAS-like name for dense GEMMs. */
    String kernelName() {
        return kernelName;
    }

    /** The time of the kernel when it moves nothing (ns): launch latency plus ramp-up. */
    long floorNs() {
        return floorNs;
    }

    /** Sustained bandwidth on the bytes it moves (bytes per ns = GB/s). */
    double bytesPerNs() {
        return bytesPerNs;
    }

    int registers() {
        return registers;
    }

    int threads() {
        return threads;
    }

    /** True for the GEMMs, which stage tiles in (dynamic) shared memory. */
    boolean isGemm() {
        return registers >= 168;
    }
}

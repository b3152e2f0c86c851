package org.fusescope.profiler.synthetic;

import org.fusescope.profiler.ops.Op;

/**
 * The kernels of the MoE block as the synthetic generator draws them: the catalog's op (its name, fusion
 * group and fused flag come from {@link Op}), a kernel name, launch resources, and the parameters of the
 * duration model (a fixed floor plus bytes at a sustained bandwidth).
 */
enum SyntheticKernel {
    RESIDUAL_ADD(Op.RESIDUAL_ADD, null, 1_500, 2.8, 16, 256),
    RMSNORM(Op.RMSNORM, null, 1_750, 2.8, 32, 256),
    FUSED_ADD_RMSNORM(Op.FUSED_ADD_RMSNORM, null, 1_850, 2.8, 32, 256),
    ROUTER_GEMM(Op.ROUTER_GEMM, "nvjet_tst_64x8_64x16_1x4_h_bz_TNT", 3_000, 2.6, 168, 128),
    GATE_GEMV(Op.GATE_GEMV, null, 1_900, 2.6, 32, 128),
    ROUTER_GATE_GEMM(Op.ROUTER_GATE_GEMM, "nvjet_tst_64x8_64x16_1x4_h_bz_TNT", 3_050, 2.6, 168, 128),
    TOPK_SOFTMAX(Op.TOPK_SOFTMAX, null, 2_200, 2.8, 40, 256),
    TOPK_SOFTMAX_SHARED(Op.TOPK_SOFTMAX_SHARED, null, 2_300, 2.8, 40, 256),
    APPEND_SHARED_EXPERT(Op.APPEND_SHARED_EXPERT, null, 1_550, 2.8, 24, 256),
    MOE_ALIGN(Op.MOE_ALIGN, null, 2_000, 2.8, 32, 1024),
    MOE_ALIGN_FUSED(Op.MOE_ALIGN_FUSED, null, 2_150, 2.8, 32, 1024),
    GROUPED_GEMM1(Op.GROUPED_GEMM1, null, 2_500, 2.5, 168, 128),
    SILU_AND_MUL(Op.SILU_AND_MUL, null, 1_550, 2.8, 24, 256),
    GROUPED_GEMM2(Op.GROUPED_GEMM2, null, 2_500, 2.5, 168, 128),
    MOE_SUM_REDUCE(Op.MOE_SUM_REDUCE, null, 1_800, 2.8, 32, 256),
    SHARED_GEMM_UP(Op.SHARED_EXPERT_GEMM_UP, "nvjet_tst_64x8_64x16_2x1_v_bz_TNT", 2_800, 2.6, 168, 128),
    SHARED_SILU_AND_MUL(Op.SHARED_SILU_AND_MUL, "silu_and_mul_kernel", 1_550, 2.8, 24, 256),
    SHARED_GEMM_DOWN(Op.SHARED_EXPERT_GEMM_DOWN, "nvjet_tst_64x8_64x16_1x2_h_bz_TNN", 2_800, 2.6, 168, 128),
    SIGMOID(Op.SHARED_GATE_SIGMOID, null, 1_450, 2.8, 16, 256),
    MUL(Op.SHARED_GATE_MUL, null, 1_500, 2.8, 16, 256),
    ADD(Op.SHARED_GATE_ADD, null, 1_500, 2.8, 16, 256),
    ADD_SHARED_EXPERT_GATE(Op.ADD_SHARED_EXPERT_GATE, null, 1_600, 2.8, 24, 256);

    private final Op op;
    private final String kernelName;
    private final long floorNs;
    private final double bytesPerNs;
    private final int registers;
    private final int threads;

    SyntheticKernel(Op op, String kernelName, long floorNs, double tbPerSec, int registers, int threads) {
        this.op = op;
        this.kernelName = kernelName == null ? op.opName() + "_kernel" : kernelName;
        this.floorNs = floorNs;
        this.bytesPerNs = tbPerSec * 1000.0;
        this.registers = registers;
        this.threads = threads;
    }

    /** The op name of the attribution, e.g. {@code topk_softmax}. */
    String opName() {
        return op.opName();
    }

    /** The fusion group (the op itself when it belongs to no fusion). */
    String group() {
        return op.fusionGroup();
    }

    /** True for a kernel that replaces several unfused ones. */
    boolean fused() {
        return op.fused();
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

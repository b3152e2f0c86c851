package org.fusescope.runner.step;

/**
 * One launch of the decode step as the plan orders it.
 *
 * @param op the op, e.g. {@code topk_softmax}; also the range marker's text
 * @param fusionGroup the group the comparison matches across variants (same names as the
 *     synthetic traces: add_rmsnorm, router_gate, moe_align, shared_expert, shared_gate; in the
 *     mixers conv_pack_gdn, qkvo_gemm, sigmoid_mul; or the op itself)
 * @param fused true for a kernel that replaces several unfused ones
 * @param kind what runs: one of our kernels, a cuBLAS GEMM, or a memset
 */
public record Launch(String op, String fusionGroup, boolean fused, Kind kind) {
    /** What a launch runs. */
    public enum Kind {
        KERNEL,
        CUBLAS,
        MEMSET
    }

    static Launch kernel(String op, String group) {
        return new Launch(op, group, false, Kind.KERNEL);
    }

    static Launch fusedKernel(String op, String group) {
        return new Launch(op, group, true, Kind.KERNEL);
    }

    static Launch cublas(String op, String group) {
        return new Launch(op, group, false, Kind.CUBLAS);
    }

    static Launch fusedCublas(String op, String group) {
        return new Launch(op, group, true, Kind.CUBLAS);
    }
}

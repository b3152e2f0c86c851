package org.fusescope.profiler.model;

/**
 * What a kernel did in the decode step: which op it computes, the fusion group it belongs to, where
 * in the step it ran, and the work it must do.
 *
 * <p>The fusion group is the unit the comparison matches across variants: the unfused kernels
 * {@code residual_add} and {@code rmsnorm} and the fused {@code fused_add_rmsnorm} all belong to the
 * group {@code add_rmsnorm}. A kernel that belongs to no fusion names its own op as the group.
 *
 * @param op the op, e.g. {@code topk_softmax}
 * @param fusionGroup the fusion group (never null; the op itself when the kernel is in none)
 * @param fused true when this kernel is the fused replacement of several unfused kernels
 * @param layer decoder layer index, or -1 when the kernel belongs to no layer
 * @param step decode step index, or -1 when the kernel belongs to no step (warm-up, calibration)
 * @param bytesRead bytes the kernel must read (each input once)
 * @param bytesWritten bytes the kernel must write (each output once)
 * @param flops floating-point operations
 */
public record KernelAttribution(
        String op,
        String fusionGroup,
        boolean fused,
        int layer,
        int step,
        long bytesRead,
        long bytesWritten,
        long flops) {
    public KernelAttribution {
        if (op == null || op.isBlank()) {
            throw new IllegalArgumentException("op must be named");
        }
        if (fusionGroup == null || fusionGroup.isBlank()) {
            fusionGroup = op;
        }
        if (bytesRead < 0 || bytesWritten < 0 || flops < 0) {
            throw new IllegalArgumentException("negative bytes or flops for op " + op);
        }
    }

    /** Bytes moved: read plus written; {@link Long#MAX_VALUE} where that sum would not fit a long. */
    public long bytes() {
        long sum = bytesRead + bytesWritten; // both are non-negative, so an overflow turns the sum negative
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}

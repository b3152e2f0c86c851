package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * How {@link TopkSoftmaxKernel#launchWithSharedExpert} (fusion {@code router_gate}) spreads a token row
 * over threads. Both kernels take the same arguments and write the same outputs, bit for bit.
 */
public enum SharedRowLayout {
    /** {@code topk_softmax_shared_kernel} ({@code topk_softmax.cu}): one warp per row, 4 rows per 128-thread block. */
    WARP_PER_ROW,
    /**
     * {@code topk_softmax_shared_wide_kernel} ({@code topk_softmax_wide.cu}, switch {@code topk_wide}):
     * one block per row, one thread per expert (E at most {@value #MAX_EXPERTS}); no sequential
     * selection rounds.
     */
    BLOCK_PER_ROW;

    /** The most experts {@link #BLOCK_PER_ROW} takes (one 1024-thread block). */
    public static final int MAX_EXPERTS = 1024;

    /** The CUDA source, without {@code .cu}. */
    String source() {
        return this == WARP_PER_ROW ? "topk_softmax" : "topk_softmax_wide";
    }

    /** The entry point. */
    String entry() {
        return this == WARP_PER_ROW ? "topk_softmax_shared_kernel" : "topk_softmax_shared_wide_kernel";
    }

    /** Blocks for {@code tokens} rows: {@code ceil(tokens / 4)}, or one per row. */
    Dim grid(int tokens) {
        return Dim.of(this == WARP_PER_ROW ? (tokens + 3) / 4 : tokens);
    }

    /** Threads per block: 128, or {@code 32 * ceil(E / 32)}. */
    Dim block(ModelDims dims) {
        if (this == WARP_PER_ROW) {
            return Dim.of(128);
        }
        Args.check(
                dims.experts() <= MAX_EXPERTS,
                "topk_softmax_shared_wide takes at most " + MAX_EXPERTS + " experts, not " + dims.experts());
        return Dim.of(32 * ((dims.experts() + 31) / 32));
    }
}

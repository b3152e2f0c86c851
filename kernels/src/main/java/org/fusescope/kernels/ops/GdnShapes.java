package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * The argument checks and launch arithmetic shared by the gated-delta-net conv kernels ({@code
 * causal_conv1d_update}, {@code gdn_split}, {@code conv_pack_gdn}; layout in {@code gdn.cuh}).
 * Stateless.
 */
final class GdnShapes {
    /** Threads per block of the conv and split kernels ({@code GDN_THREADS}). */
    static final int THREADS = 128;

    private GdnShapes() {}

    /**
     * The conv kernels load projection rows in 16-byte vectors, which needs {@code projectionDim % 8
     * == 0}, i.e. {@code Hv % 4 == 0} (the kernels' static_assert, said before compiling).
     */
    static void requireAlignedRows(LinearAttentionDims d) {
        if (d.valueHeads() % 4 != 0) {
            throw new IllegalArgumentException("the gated-delta-net conv kernels need value heads % 4 == 0"
                    + " (16-byte aligned projection rows), got " + d);
        }
    }

    /** The input-projection rows {@code [tokens, projectionDim]} bf16. */
    static void projection(DeviceBuffer projection, LinearAttentionDims d, int tokens) {
        Args.buffer("projection", projection, DType.BF16, tokens, d.projectionDim());
    }

    /** Conv weight {@code [convDim, W]} bf16 and bias {@code [convDim]} bf16 or null. */
    static void convWeights(DeviceBuffer weight, DeviceBuffer bias, LinearAttentionDims d) {
        Args.buffer("weight", weight, DType.BF16, d.convDim(), d.convKernel());
        if (bias != null) {
            Args.buffer("bias", bias, DType.BF16, d.convDim());
        }
    }

    /** Conv state {@code [tokens, convDim, W-1]} bf16. */
    static void convState(DeviceBuffer state, LinearAttentionDims d, int tokens) {
        Args.buffer("state", state, DType.BF16, tokens, d.convDim(), d.convKernel() - 1L);
    }

    /** The bias kernel argument: the buffer, or a null device pointer (8 zero bytes) for none. */
    static Object biasArgument(DeviceBuffer bias) {
        return bias == null ? (Object) 0L : bias;
    }

    /** Work items of one token row in gdn_split / conv_pack_gdn: q|k|v chunks, z chunks, b|a scalars. */
    static int rowItems(LinearAttentionDims d) {
        return d.convDim() / 8 + d.valueHeads() * d.valueDim() / 8 + 2 * d.valueHeads();
    }

    /** {@code tokens * ceil(itemsPerRow / THREADS)} blocks, token-major. */
    static int rowBlocks(int tokens, int itemsPerRow) {
        return Args.product("grid", tokens, (itemsPerRow + THREADS - 1) / THREADS);
    }

    /** Bytes of the conv weights and bias, read once per launch. */
    static long weightBytes(LinearAttentionDims d, boolean bias) {
        return 2L * d.convDim() * d.convKernel() + (bias ? 2L * d.convDim() : 0);
    }

    /** Bytes of the conv state of {@code tokens} requests (read once and written once per launch). */
    static long convStateBytes(LinearAttentionDims d, int tokens) {
        return 2L * tokens * d.convDim() * (d.convKernel() - 1);
    }

    /** FLOPs of the conv: W multiply-adds and SiLU (exp, add, divide) per channel. */
    static long convFlops(LinearAttentionDims d, int tokens) {
        return (long) tokens * d.convDim() * (2L * d.convKernel() + 3);
    }
}

package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * {@code conv_pack_gdn.cu} (fusion {@code conv_pack_gdn}): the conv update + SiLU + state shift of
 * {@link CausalConv1dUpdateKernel} writing q, k, v contiguous, plus the z, b, a copies of {@link
 * GdnSplitKernel}, in one kernel; bit-identical outputs to that pair. Immutable; launch from the
 * thread that has the context current.
 */
public final class ConvPackGdnKernel {
    private final CudaFunction function;
    private final LinearAttentionDims dims;

    public ConvPackGdnKernel(KernelLibrary lib, LinearAttentionDims dims) {
        GdnShapes.requireAlignedRows(dims);
        this.function = lib.function("conv_pack_gdn", "conv_pack_gdn_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the fused kernel: block 128, one work item (8 conv channels, a 16-byte z chunk or one
     * b/a scalar) per thread.
     *
     * @param projection {@code [tokens, projectionDim]} bf16 input-projection rows
     * @param weight {@code [convDim, W]} bf16, oldest tap first
     * @param bias {@code [convDim]} bf16, or null for none (Qwen3-Next)
     * @param state {@code [tokens, convDim, W-1]} bf16, one row per request, updated in place
     * @param out q, k, v (after conv + SiLU) and z, b, a (copied), written
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer projection,
            DeviceBuffer weight,
            DeviceBuffer bias,
            DeviceBuffer state,
            GdnPackedBuffers out,
            int tokens) {
        Args.positive("tokens", tokens);
        GdnShapes.projection(projection, dims, tokens);
        GdnShapes.convWeights(weight, bias, dims);
        GdnShapes.convState(state, dims, tokens);
        out.check(dims, tokens);
        KernelLauncher.launch(
                function,
                Dim.of(GdnShapes.rowBlocks(tokens, GdnShapes.rowItems(dims))),
                Dim.of(GdnShapes.THREADS),
                0,
                stream,
                projection,
                weight,
                GdnShapes.biasArgument(bias),
                state,
                out.q(),
                out.k(),
                out.v(),
                out.z(),
                out.b(),
                out.a(),
                tokens);
    }

    /**
     * Reads q|k|v|z|b|a of the projection rows, the weights (and bias) once and the state; writes q,
     * k, v, z, b, a and the state. FLOPs as the conv.
     */
    public static Work work(LinearAttentionDims d, int tokens, boolean bias) {
        long row = 2L * tokens * (d.convDim() + (long) d.valueHeads() * d.valueDim() + 2L * d.valueHeads());
        long state = GdnShapes.convStateBytes(d, tokens);
        return new Work(row + GdnShapes.weightBytes(d, bias) + state, row + state, GdnShapes.convFlops(d, tokens));
    }
}

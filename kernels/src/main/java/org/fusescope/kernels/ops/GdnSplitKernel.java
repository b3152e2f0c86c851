package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * {@code gdn_split.cu}: the unfused split/copy after {@link CausalConv1dUpdateKernel}: q, k, v out of
 * the conv output and z, b, a out of the projection rows into contiguous buffers, in ONE launch (the
 * strongest unfused baseline: what {@link ConvPackGdnKernel} saves is then only the round trip of
 * the conv output and one launch). Immutable; launch from the thread that has the context current.
 */
public final class GdnSplitKernel {
    private final CudaFunction function;
    private final LinearAttentionDims dims;

    public GdnSplitKernel(KernelLibrary lib, LinearAttentionDims dims) {
        GdnShapes.requireAlignedRows(dims);
        this.function = lib.function("gdn_split", "gdn_split_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the copy: block 128, one 16-byte chunk (or one b/a scalar) per thread.
     *
     * @param y {@code [tokens, convDim]} bf16, the conv output q|k|v
     * @param projection {@code [tokens, projectionDim]} bf16, for z, b, a
     * @param out q, k, v, z, b, a, written
     */
    public void launch(CudaStream stream, DeviceBuffer y, DeviceBuffer projection, GdnPackedBuffers out, int tokens) {
        Args.positive("tokens", tokens);
        Args.buffer("y", y, DType.BF16, tokens, dims.convDim());
        GdnShapes.projection(projection, dims, tokens);
        out.check(dims, tokens);
        KernelLauncher.launch(
                function,
                Dim.of(GdnShapes.rowBlocks(tokens, GdnShapes.rowItems(dims))),
                Dim.of(GdnShapes.THREADS),
                0,
                stream,
                y,
                projection,
                out.q(),
                out.k(),
                out.v(),
                out.z(),
                out.b(),
                out.a(),
                tokens);
    }

    /** Reads y and the z|b|a columns of the projection, writes the same bytes; no FLOPs. */
    public static Work work(LinearAttentionDims d, int tokens) {
        long bytes = 2L * tokens * (d.convDim() + (long) d.valueHeads() * d.valueDim() + 2L * d.valueHeads());
        return new Work(bytes, bytes, 0);
    }
}

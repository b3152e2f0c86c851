package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * The launch both attention-gate kernels share ({@link AttnGateSigmoidKernel}, {@link
 * AttnGateSigmoidMulKernel}): the gate read from the q projection's per-head {@code [query | gate]}
 * layout, one contiguous bf16 {@code [rows, Hq·D]} buffer, block 256, grid-stride over 8-element
 * vectors. Stateless.
 */
final class AttnGateLaunch {
    private AttnGateLaunch() {}

    static void launch(
            CudaFunction function,
            AttentionDims dims,
            CudaStream stream,
            ColumnSlice qProj,
            String bufferName,
            DeviceBuffer buffer,
            int rows) {
        Args.positive("rows", rows);
        long width = (long) dims.queryHeads() * dims.headDim();
        qProj.check("qProj", rows, (int) (2 * width));
        Args.buffer(bufferName, buffer, DType.BF16, rows, width);
        KernelLauncher.launch(
                function,
                Grids.vec8(rows * width),
                Grids.BLOCK_256,
                0,
                stream,
                qProj.buffer(),
                qProj.stride(),
                qProj.offset(),
                buffer,
                rows);
    }
}

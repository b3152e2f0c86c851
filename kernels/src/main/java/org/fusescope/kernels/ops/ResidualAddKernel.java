package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code residual_add.cu}: {@code r = r + x} in place (MoE step 1, unfused). Immutable; launch
 * from the thread that has the context current.
 */
public final class ResidualAddKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public ResidualAddKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("residual_add", dims);
        this.dims = dims;
    }

    /**
     * Enqueues {@code r += x}.
     *
     * @param x {@code [tokens, H]} bf16
     * @param r {@code [tokens, H]} bf16, updated in place
     */
    public void launch(CudaStream stream, DeviceBuffer x, DeviceBuffer r, int tokens) {
        Args.positive("tokens", tokens);
        Args.buffer("x", x, DType.BF16, tokens, dims.hidden());
        Args.buffer("r", r, DType.BF16, tokens, dims.hidden());
        KernelLauncher.launch(
                function,
                Grids.vec8((long) tokens * dims.hidden()),
                Grids.BLOCK_256,
                0,
                stream,
                x,
                r,
                tokens,
                dims.hidden());
    }

    /** Reads x and r, writes r: {@code 3 * M * H * 2} bytes, {@code M * H} FLOPs. */
    public static Work work(ModelDims dims, int tokens) {
        long n = (long) tokens * dims.hidden();
        return ElementwiseWork.bf16(2 * n, n, n);
    }
}

package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code fused_add_rmsnorm.cu}: {@code r = r + x; y = rmsnorm(r) * (1 + w)} in one kernel (fusion
 * {@code add_rmsnorm}), compiled for {@code HIDDEN = dims.hidden()}. Immutable; launch from the
 * thread that has the context current.
 */
public final class FusedAddRmsNormKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public FusedAddRmsNormKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("fused_add_rmsnorm", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the kernel: grid = tokens, block 256.
     *
     * @param x {@code [tokens, H]} bf16, added to the residual
     * @param w {@code [H]} bf16, zero-centred weight
     * @param r {@code [tokens, H]} bf16, the residual, updated in place
     * @param y {@code [tokens, H]} bf16, the normed output, written
     * @param eps added to the mean square
     */
    public void launch(
            CudaStream stream, DeviceBuffer x, DeviceBuffer w, DeviceBuffer r, DeviceBuffer y, int tokens, float eps) {
        Args.positive("tokens", tokens);
        Args.buffer("x", x, DType.BF16, tokens, dims.hidden());
        Args.buffer("w", w, DType.BF16, dims.hidden());
        Args.buffer("r", r, DType.BF16, tokens, dims.hidden());
        Args.buffer("y", y, DType.BF16, tokens, dims.hidden());
        KernelLauncher.launch(function, Dim.of(tokens), Grids.BLOCK_256, 0, stream, x, w, r, y, tokens, eps);
    }

    /** Reads x, r and w, writes r and y; about 5 FLOPs per element. */
    public static Work work(ModelDims dims, int tokens) {
        long n = (long) tokens * dims.hidden();
        return ElementwiseWork.bf16(2 * n + dims.hidden(), 2 * n, 5 * n);
    }
}

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
 * {@code rmsnorm.cu}: {@code y = x * rsqrt(mean(x²) + eps) * (1 + w)} (MoE step 2), compiled for
 * {@code HIDDEN = dims.hidden()}. Immutable; launch from the thread that has the context current.
 */
public final class RmsNormKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public RmsNormKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("rmsnorm", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the norm: grid = tokens, block 256.
     *
     * @param x {@code [tokens, H]} bf16
     * @param w {@code [H]} bf16, zero-centred weight
     * @param y {@code [tokens, H]} bf16, written
     * @param eps added to the mean square (1e-6 for Qwen3-Next)
     */
    public void launch(CudaStream stream, DeviceBuffer x, DeviceBuffer w, DeviceBuffer y, int tokens, float eps) {
        Args.positive("tokens", tokens);
        Args.buffer("x", x, DType.BF16, tokens, dims.hidden());
        Args.buffer("w", w, DType.BF16, dims.hidden());
        Args.buffer("y", y, DType.BF16, tokens, dims.hidden());
        KernelLauncher.launch(function, Dim.of(tokens), Grids.BLOCK_256, 0, stream, x, w, y, tokens, eps);
    }

    /** Reads x and w, writes y; about 4 FLOPs per element (square-add, scale, 1 + w, multiply). */
    public static Work work(ModelDims dims, int tokens) {
        long n = (long) tokens * dims.hidden();
        return ElementwiseWork.bf16(n + dims.hidden(), n, 4 * n);
    }
}

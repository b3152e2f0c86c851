package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code silu_and_mul.cu}: {@code a[s, 0:I] = silu(h1[s, 0:I]) * h1[s, I:2I]} (MoE step 7 and the
 * shared expert), {@code I = dims.inter()}. Immutable; launch from the thread that has the context
 * current.
 */
public final class SiluAndMulKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public SiluAndMulKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("silu_and_mul", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the kernel (block 256, grid-stride over 8-element vectors).
     *
     * @param h1 {@code [rows, 2I]} bf16, gate half then up half
     * @param a {@code [rows, I]} bf16, written
     * @param rows slots ({@code tokens * K'}) for the routed experts, tokens for the shared expert
     */
    public void launch(CudaStream stream, DeviceBuffer h1, DeviceBuffer a, int rows) {
        Args.positive("rows", rows);
        Args.buffer("h1", h1, DType.BF16, rows, 2L * dims.inter());
        Args.buffer("a", a, DType.BF16, rows, dims.inter());
        KernelLauncher.launch(
                function,
                Grids.vec8((long) rows * dims.inter()),
                Grids.BLOCK_256,
                0,
                stream,
                h1,
                a,
                rows,
                dims.inter());
    }

    /** Reads {@code rows * 2I}, writes {@code rows * I} bf16; about 5 FLOPs per output. */
    public static Work work(ModelDims dims, int rows) {
        long n = (long) rows * dims.inter();
        return ElementwiseWork.bf16(2 * n, n, 5 * n);
    }
}

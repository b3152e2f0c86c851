package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code sigmoid.cu}: {@code out = sigmoid(x)} elementwise (the shared-expert gate, unfused). Shapes are runtime arguments, so {@code dims} only
 * selects the compiled module. Immutable; launch from the thread that has the context current.
 */
public final class SigmoidKernel {
    private final CudaFunction function;

    public SigmoidKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("sigmoid", dims);
    }

    /**
     * Enqueues the kernel (block 256, grid-stride over 8-element vectors).
     *
     * @param x {@code [rows, cols]} bf16
     * @param out {@code [rows, cols]} bf16, written (may be {@code x})
     */
    public void launch(CudaStream stream, DeviceBuffer x, DeviceBuffer out, int rows, int cols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.buffer("x", x, DType.BF16, rows, cols);
        Args.buffer("out", out, DType.BF16, rows, cols);
        KernelLauncher.launch(function, Grids.vec8((long) rows * cols), Grids.BLOCK_256, 0, stream, x, out, rows, cols);
    }

    /** Reads and writes {@code rows * cols} bf16; about 4 FLOPs per element. */
    public static Work work(int rows, int cols) {
        long n = (long) rows * cols;
        return ElementwiseWork.bf16(n, n, 4 * n);
    }
}

package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code sigmoid_mul.cu}: {@code x *= sigmoid(g)} in place (fusion {@code sigmoid_mul}). Shapes are runtime arguments, so {@code dims} only
 * selects the compiled module. Immutable; launch from the thread that has the context current.
 */
public final class SigmoidMulKernel {
    private final CudaFunction function;

    public SigmoidMulKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("sigmoid_mul", dims);
    }

    /**
     * Enqueues the kernel (block 256, grid-stride over 8-element vectors).
     *
     * @param g {@code [rows, gCols]} bf16 gate logits, {@code gCols} is 1 or {@code cols}
     * @param x {@code [rows, cols]} bf16, updated in place
     */
    public void launch(CudaStream stream, DeviceBuffer g, DeviceBuffer x, int rows, int cols, int gCols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.broadcastCols("gCols", gCols, cols);
        Args.buffer("g", g, DType.BF16, rows, gCols);
        Args.buffer("x", x, DType.BF16, rows, cols);
        KernelLauncher.launch(
                function, Grids.vec8((long) rows * cols), Grids.BLOCK_256, 0, stream, g, x, rows, cols, gCols);
    }

    /** Reads g and x, writes x; one FLOP per element plus 4 per gate value. */
    public static Work work(int rows, int cols, int gCols) {
        long n = (long) rows * cols;
        long gates = (long) rows * gCols;
        return ElementwiseWork.bf16(n + gates, n, n + 4 * gates);
    }
}

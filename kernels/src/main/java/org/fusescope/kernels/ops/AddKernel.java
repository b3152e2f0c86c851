package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code add.cu}: {@code out = a + b} elementwise, b broadcast along a row when {@code bCols == 1}. Shapes are runtime arguments, so {@code dims} only
 * selects the compiled module. Immutable; launch from the thread that has the context current.
 */
public final class AddKernel {
    private final CudaFunction function;

    public AddKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("add", dims);
    }

    /**
     * Enqueues the kernel (block 256, grid-stride over 8-element vectors).
     *
     * @param a {@code [rows, cols]} bf16
     * @param b {@code [rows, bCols]} bf16, {@code bCols} is 1 or {@code cols}
     * @param out {@code [rows, cols]} bf16, written (may be {@code a})
     */
    public void launch(
            CudaStream stream, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out, int rows, int cols, int bCols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.broadcastCols("bCols", bCols, cols);
        Args.buffer("a", a, DType.BF16, rows, cols);
        Args.buffer("b", b, DType.BF16, rows, bCols);
        Args.buffer("out", out, DType.BF16, rows, cols);
        KernelLauncher.launch(
                function, Grids.vec8((long) rows * cols), Grids.BLOCK_256, 0, stream, a, b, out, rows, cols, bCols);
    }

    /** Reads a and b ({@code rows * bCols}), writes out; one FLOP per element. */
    public static Work work(int rows, int cols, int bCols) {
        long n = (long) rows * cols;
        return ElementwiseWork.bf16(n + (long) rows * bCols, n, n);
    }
}

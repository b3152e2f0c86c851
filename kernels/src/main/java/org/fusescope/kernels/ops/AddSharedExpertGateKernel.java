package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code add_shared_expert_gate.cu}: {@code out += shared * sigmoid(g)} in place (fusion {@code shared_gate}). Shapes are runtime arguments, so {@code dims} only
 * selects the compiled module. Immutable; launch from the thread that has the context current.
 */
public final class AddSharedExpertGateKernel {
    private final CudaFunction function;

    public AddSharedExpertGateKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("add_shared_expert_gate", dims);
    }

    /**
     * Enqueues the kernel (block 256, grid-stride over 8-element vectors).
     *
     * @param shared {@code [rows, cols]} bf16, the shared expert output
     * @param g {@code [rows, gCols]} bf16 gate logits, {@code gCols} is 1 or {@code cols}
     * @param out {@code [rows, cols]} bf16, updated in place
     */
    public void launch(
            CudaStream stream, DeviceBuffer shared, DeviceBuffer g, DeviceBuffer out, int rows, int cols, int gCols) {
        Args.positive("rows", rows);
        Args.positive("cols", cols);
        Args.broadcastCols("gCols", gCols, cols);
        Args.buffer("shared", shared, DType.BF16, rows, cols);
        Args.buffer("g", g, DType.BF16, rows, gCols);
        Args.buffer("out", out, DType.BF16, rows, cols);
        KernelLauncher.launch(
                function,
                Grids.vec8((long) rows * cols),
                Grids.BLOCK_256,
                0,
                stream,
                shared,
                g,
                out,
                rows,
                cols,
                gCols);
    }

    /** Reads shared, g and out, writes out; about 2 FLOPs per element plus 4 per gate value. */
    public static Work work(int rows, int cols, int gCols) {
        long n = (long) rows * cols;
        long gates = (long) rows * gCols;
        return ElementwiseWork.bf16(2 * n + gates, n, 2 * n + 4 * gates);
    }
}

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
 * {@code router_gemv.cu} (switch {@code router_gemv}): {@code out = x · wᵀ} with fp32 output, the
 * router GEMM of {@link org.fusescope.kernels.cuda.Blas#linear} as one kernel for decode batches: one
 * warp per weight row, the row read once for all tokens. Compiled for {@code HIDDEN = H}. Immutable;
 * launch from the thread that has the context current.
 */
public final class RouterGemvKernel {
    /** Weight rows per block (one warp each). */
    static final int ROWS_PER_BLOCK = 4;

    private static final Dim BLOCK = Dim.of(32 * ROWS_PER_BLOCK);

    private final CudaFunction function;
    private final ModelDims dims;

    public RouterGemvKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("router_gemv", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the kernel: block 128, grid {@link #grid}.
     *
     * @param x {@code [tokens, H]} bf16
     * @param w {@code [rows, H]} bf16: the router weight, under {@code router_gate} with the gate row
     *     appended and zero rows up to {@link TopkSoftmaxKernel#routerGateRows}
     * @param out {@code [tokens, rows]} fp32, written
     */
    public void launch(CudaStream stream, DeviceBuffer x, DeviceBuffer w, DeviceBuffer out, int tokens) {
        Args.positive("tokens", tokens);
        Args.check(w != null && w.shape().length == 2, "w: expected a [rows, H] bf16 buffer but was " + w);
        int rows = Math.toIntExact(w.shape()[0]);
        Args.positive("rows of w", rows);
        Args.buffer("x", x, DType.BF16, tokens, dims.hidden());
        Args.buffer("w", w, DType.BF16, rows, dims.hidden());
        Args.buffer("out", out, DType.F32, tokens, rows);
        KernelLauncher.launch(function, grid(rows), BLOCK, 0, stream, x, w, out, tokens, rows);
    }

    /** {@code ceil(rows / 4)} blocks: every weight row gets one warp, whatever the token count. */
    static Dim grid(int rows) {
        return Dim.of((rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK);
    }

    /** The work of the GEMM it replaces: x and w read once, fp32 out written once. */
    public static Work work(int tokens, int rows, int hidden) {
        return DenseBenchCases.work(tokens, rows, hidden, DType.F32);
    }
}

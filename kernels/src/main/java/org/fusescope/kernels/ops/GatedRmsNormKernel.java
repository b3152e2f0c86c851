package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * {@code gated_rmsnorm.cu}: the gated-delta-net output norm per value head, {@code y = rms(o) · w ·
 * silu(z)} with a plain weight (not {@code 1 + w}). Immutable; launch from the thread that has the
 * context current.
 */
public final class GatedRmsNormKernel {
    private static final int ROWS_PER_BLOCK = 4;

    private final CudaFunction function;
    private final LinearAttentionDims dims;

    public GatedRmsNormKernel(KernelLibrary lib, LinearAttentionDims dims) {
        this.function = lib.function("gated_rmsnorm", "gated_rmsnorm_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the norm: one warp per (token, value head), 4 per block of 128.
     *
     * @param o {@code [tokens, Hv·Dv]} bf16, the gated delta rule output
     * @param z {@code [tokens, Hv·Dv]} bf16, the gate
     * @param w {@code [Dv]} bf16, plain weight
     * @param y {@code [tokens, Hv·Dv]} bf16, written
     * @param eps added to the mean square (1e-6 for Qwen3-Next)
     */
    public void launch(
            CudaStream stream, DeviceBuffer o, DeviceBuffer z, DeviceBuffer w, DeviceBuffer y, int tokens, float eps) {
        Args.positive("tokens", tokens);
        long width = (long) dims.valueHeads() * dims.valueDim();
        Args.buffer("o", o, DType.BF16, tokens, width);
        Args.buffer("z", z, DType.BF16, tokens, width);
        Args.buffer("w", w, DType.BF16, dims.valueDim());
        Args.buffer("y", y, DType.BF16, tokens, width);
        int rows = Args.product("rows", tokens, dims.valueHeads());
        KernelLauncher.launch(
                function,
                Dim.of((rows + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK),
                Dim.of(32 * ROWS_PER_BLOCK),
                0,
                stream,
                o,
                z,
                w,
                y,
                rows,
                eps);
    }

    /**
     * Reads o, z and w, writes y; about 8 FLOPs per element (square-add, scale, weight, SiLU's exp,
     * add and divide, gate multiply).
     */
    public static Work work(LinearAttentionDims d, int tokens) {
        long n = (long) tokens * d.valueHeads() * d.valueDim();
        return ElementwiseWork.bf16(2 * n + d.valueDim(), n, 8 * n);
    }
}

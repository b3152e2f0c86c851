package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * {@code qk_rmsnorm.cu}: the attention layer's q-norm and k-norm in one launch, zero-centred RMSNorm
 * over each head's D dims ({@code y = x * rsqrt(mean(x²) + eps) * (1 + w)}), writing q and k
 * contiguous. Immutable; launch from the thread that has the context current.
 */
public final class QkRmsNormKernel {
    private static final int HEADS_PER_BLOCK = 8;

    private final CudaFunction function;
    private final AttentionDims dims;

    public QkRmsNormKernel(KernelLibrary lib, AttentionDims dims) {
        this.function = lib.function("qk_rmsnorm", "qk_rmsnorm_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the norms: one warp per (row, head), 8 heads per 256-thread block.
     *
     * @param qProj the q projection, per query head {@code [query (D) | gate (D)]}: {@code Hq·2D} columns
     * @param kProj the k projection: {@code Hkv·D} columns
     * @param qWeight {@code [D]} bf16, zero-centred q-norm weight
     * @param kWeight {@code [D]} bf16, zero-centred k-norm weight
     * @param qOut {@code [rows, Hq·D]} bf16, written
     * @param kOut {@code [rows, Hkv·D]} bf16, written
     * @param eps added to the mean square (1e-6 for Qwen3-Next)
     */
    public void launch(
            CudaStream stream,
            ColumnSlice qProj,
            ColumnSlice kProj,
            DeviceBuffer qWeight,
            DeviceBuffer kWeight,
            DeviceBuffer qOut,
            DeviceBuffer kOut,
            int rows,
            float eps) {
        Args.positive("rows", rows);
        int d = dims.headDim();
        qProj.check("qProj", rows, 2 * dims.queryHeads() * d);
        kProj.check("kProj", rows, dims.kvHeads() * d);
        Args.buffer("qWeight", qWeight, DType.BF16, d);
        Args.buffer("kWeight", kWeight, DType.BF16, d);
        Args.buffer("qOut", qOut, DType.BF16, rows, (long) dims.queryHeads() * d);
        Args.buffer("kOut", kOut, DType.BF16, rows, (long) dims.kvHeads() * d);
        long heads = (long) rows * (dims.queryHeads() + dims.kvHeads());
        KernelLauncher.launch(
                function,
                Dim.cover(heads, HEADS_PER_BLOCK),
                Grids.BLOCK_256,
                0,
                stream,
                qProj.buffer(),
                qProj.stride(),
                qProj.offset(),
                kProj.buffer(),
                kProj.stride(),
                kProj.offset(),
                qWeight,
                kWeight,
                qOut,
                kOut,
                rows,
                eps);
    }

    /** Reads the queries, k and both weights, writes q and k; about 4 FLOPs per element. */
    public static Work work(AttentionDims dims, int rows) {
        long n = (long) rows * (dims.queryHeads() + dims.kvHeads()) * dims.headDim();
        return ElementwiseWork.bf16(n + 2L * dims.headDim(), n, 4 * n);
    }
}

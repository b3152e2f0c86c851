package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * {@code kv_append.cu}: writes each request's new k and v at its position into the KV cache. The
 * cache layout is {@code [rows, Hkv, maxContext, D]} bf16 for k and v alike (see {@link
 * #cacheShape}); {@code positions[m]} is the number of tokens request m has cached, so the new token
 * goes there; a position outside {@code [0, maxContext)} writes nothing. The caller advances the
 * positions after the step. Immutable; launch from the thread that has the context current.
 */
public final class KvAppendKernel {
    private final CudaFunction function;
    private final AttentionDims dims;

    public KvAppendKernel(KernelLibrary lib, AttentionDims dims) {
        this.function = lib.function("kv_append", "kv_append_kernel", dims.definitions());
        this.dims = dims;
    }

    /** The shape of a k or v cache: {@code [rows, Hkv, maxContext, D]}. */
    public static long[] cacheShape(AttentionDims dims, int rows, int maxContext) {
        return new long[] {rows, dims.kvHeads(), maxContext, dims.headDim()};
    }

    /**
     * Enqueues the append (block 256, one thread per 16-byte vector of k and of v).
     *
     * @param k the roped k: {@code Hkv·D} columns
     * @param v the v projection: {@code Hkv·D} columns
     * @param kCache {@link #cacheShape} bf16, one row per (request, kv head) written
     * @param vCache {@link #cacheShape} bf16, likewise
     * @param positions {@code [rows]} int32
     */
    public void launch(
            CudaStream stream,
            ColumnSlice k,
            ColumnSlice v,
            DeviceBuffer kCache,
            DeviceBuffer vCache,
            DeviceBuffer positions,
            int rows,
            int maxContext) {
        Args.positive("rows", rows);
        Args.positive("maxContext", maxContext);
        int width = dims.kvHeads() * dims.headDim();
        k.check("k", rows, width);
        v.check("v", rows, width);
        Args.buffer("kCache", kCache, DType.BF16, cacheShape(dims, rows, maxContext));
        Args.buffer("vCache", vCache, DType.BF16, cacheShape(dims, rows, maxContext));
        Args.buffer("positions", positions, DType.I32, rows);
        KernelLauncher.launch(
                function,
                Grids.vec8((long) rows * width),
                Grids.BLOCK_256,
                0,
                stream,
                k.buffer(),
                k.stride(),
                k.offset(),
                v.buffer(),
                v.stride(),
                v.offset(),
                kCache,
                vCache,
                positions,
                rows,
                maxContext);
    }

    /** Reads k, v and the positions, writes one k and one v row per (request, kv head); no FLOPs. */
    public static Work work(AttentionDims dims, int rows) {
        long n = 2L * rows * dims.kvHeads() * dims.headDim();
        return new Work(2 * n + 4L * rows, 2 * n, 0);
    }
}

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
 * {@code decode_attention_combine.cu}: merges the per-chunk results of the split decode attention
 * (flash-decoding's second pass): weights each chunk's normalized output by {@code 2^(lse_c − max
 * lse)} and normalizes. {@link DecodeAttentionKernel} launches it after the split kernel. Immutable;
 * launch from the thread that has the context current.
 */
public final class DecodeAttentionCombineKernel {
    private static final Dim BLOCK = Dim.of(128);

    private final CudaFunction function;
    private final AttentionDims dims;

    public DecodeAttentionCombineKernel(KernelLibrary lib, AttentionDims dims) {
        this.function = lib.function("decode_attention_combine", "decode_attention_combine_kernel", dims.definitions());
        this.dims = dims;
    }

    /** {@code [rows, Hq, chunks, D]}: the split kernel's normalized per-chunk outputs, fp32. */
    public static long[] partialOutputShape(AttentionDims dims, int rows, AttentionSplit split) {
        return new long[] {rows, dims.queryHeads(), split.chunks(), dims.headDim()};
    }

    /** {@code [rows, Hq, chunks]}: the split kernel's per-chunk base-2 log-sum-exps, fp32. */
    public static long[] partialLseShape(AttentionDims dims, int rows, AttentionSplit split) {
        return new long[] {rows, dims.queryHeads(), split.chunks()};
    }

    /**
     * Enqueues the merge: one 128-thread block per (request, query head).
     *
     * @param partialO {@link #partialOutputShape} fp32
     * @param partialLse {@link #partialLseShape} fp32
     * @param positions {@code [rows]} int32, as the split kernel got them
     * @param out {@code [rows, Hq·D]} bf16, written
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer partialO,
            DeviceBuffer partialLse,
            DeviceBuffer positions,
            DeviceBuffer out,
            int rows,
            int maxContext,
            AttentionSplit split) {
        Args.positive("rows", rows);
        Args.positive("maxContext", maxContext);
        if (split.singlePass()) {
            throw new IllegalArgumentException("split: the combine needs at least 2 chunks, got " + split);
        }
        Args.buffer("partialO", partialO, DType.F32, partialOutputShape(dims, rows, split));
        Args.buffer("partialLse", partialLse, DType.F32, partialLseShape(dims, rows, split));
        Args.buffer("positions", positions, DType.I32, rows);
        Args.buffer("out", out, DType.BF16, rows, (long) dims.queryHeads() * dims.headDim());
        KernelLauncher.launch(
                function,
                Dim.of(dims.queryHeads(), rows),
                BLOCK,
                0,
                stream,
                partialO,
                partialLse,
                positions,
                out,
                rows,
                maxContext,
                split.chunks(),
                split.chunkSize());
    }

    /**
     * Reads the used chunks' outputs and log-sum-exps and the positions, writes the output; per
     * output element and chunk 2 FLOPs (multiply-add) and per chunk a max, an exp2 and a sum.
     *
     * @param keys keys every request attends ({@code position + 1})
     */
    public static Work work(AttentionDims dims, int rows, int keys, AttentionSplit split) {
        long heads = (long) rows * dims.queryHeads();
        long used = split.chunksUsed(keys);
        long read = heads * used * (dims.headDim() + 1L) * 4 + 4L * rows;
        return new Work(read, heads * dims.headDim() * 2, heads * used * (2L * dims.headDim() + 3));
    }
}

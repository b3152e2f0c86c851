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
 * {@code decode_attention.cu}: each request's new query token attends over its KV cache, keys
 * {@code 0..positions[m]} inclusive (the key kv_append has just written included), grouped (query
 * head h reads kv head {@code h / groupSize}), scale {@code 1/sqrt(D)}, softmax in fp32. One CTA per
 * (request, kv head, chunk), so the group's query heads share every K and V load. With {@link
 * AttentionSplit#SINGLE_PASS} one kernel writes the output; otherwise the split kernel writes
 * per-chunk partial results and {@link DecodeAttentionCombineKernel} merges them; {@link
 * AttentionSplit#choose} is the default rule. Immutable; launch from the thread that has the
 * context current.
 */
public final class DecodeAttentionKernel {
    private static final Dim BLOCK = Dim.of(128);

    private final CudaFunction single;
    private final CudaFunction split;
    private final DecodeAttentionCombineKernel combine;
    private final AttentionDims dims;

    /** @throws IllegalArgumentException for sizes the kernel does not support ({@link #checkSupported}) */
    public DecodeAttentionKernel(KernelLibrary lib, AttentionDims dims) {
        checkSupported(dims);
        this.single = lib.function("decode_attention", "decode_attention_kernel", dims.definitions());
        this.split = lib.function("decode_attention", "decode_attention_split_kernel", dims.definitions());
        this.combine = new DecodeAttentionCombineKernel(lib, dims);
        this.dims = dims;
    }

    /**
     * The kernel's layout limits: a lane holds 8 dims of a key row (16 at D = 512), so D / 8 must be
     * a power of two or D a multiple of 256 up to 512; the group size must be a power of two no
     * larger than the lanes that share a key row; the group's queries and accumulators must fit in
     * registers (group size × dims per lane ≤ 64).
     *
     * @throws IllegalArgumentException naming the unsupported size
     */
    public static void checkSupported(AttentionDims dims) {
        int d = dims.headDim();
        int dimsPerLane = d / 8 > 32 ? d / 32 : 8;
        int lanesPerKey = d / dimsPerLane;
        int g = dims.groupSize();
        if (dimsPerLane % 8 != 0 || dimsPerLane * lanesPerKey != d || Integer.bitCount(lanesPerKey) != 1 || d > 512) {
            throw new IllegalArgumentException(
                    "decode_attention: head dim " + d + " unsupported; need D / 8 a power of two (8..256) or D = 512");
        }
        if (Integer.bitCount(g) != 1 || g > lanesPerKey || g * dimsPerLane > 64) {
            throw new IllegalArgumentException("decode_attention: group size " + g + " (Hq " + dims.queryHeads()
                    + " / Hkv " + dims.kvHeads() + ") unsupported at head dim " + d + "; need a power of two <= "
                    + Math.min(lanesPerKey, 64 / dimsPerLane));
        }
    }

    /**
     * Enqueues the attention: the single-pass kernel, or the split kernel then the combine.
     *
     * @param q {@code [rows, Hq·D]} bf16, normed and roped
     * @param kCache {@link KvAppendKernel#cacheShape} bf16
     * @param vCache {@link KvAppendKernel#cacheShape} bf16
     * @param positions {@code [rows]} int32; request m attends {@code positions[m] + 1} keys; one
     *     outside {@code [0, maxContext)} gives NaN output for that request
     * @param out {@code [rows, Hq·D]} bf16, written
     * @param partialO {@link DecodeAttentionCombineKernel#partialOutputShape} fp32 scratch; null
     *     for a single pass
     * @param partialLse {@link DecodeAttentionCombineKernel#partialLseShape} fp32 scratch; null for
     *     a single pass
     * @param split how to divide the keys ({@link AttentionSplit#choose} for the default)
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer q,
            DeviceBuffer kCache,
            DeviceBuffer vCache,
            DeviceBuffer positions,
            DeviceBuffer out,
            DeviceBuffer partialO,
            DeviceBuffer partialLse,
            int rows,
            int maxContext,
            AttentionSplit split) {
        Args.positive("rows", rows);
        Args.positive("maxContext", maxContext);
        long width = (long) dims.queryHeads() * dims.headDim();
        Args.buffer("q", q, DType.BF16, rows, width);
        Args.buffer("kCache", kCache, DType.BF16, KvAppendKernel.cacheShape(dims, rows, maxContext));
        Args.buffer("vCache", vCache, DType.BF16, KvAppendKernel.cacheShape(dims, rows, maxContext));
        Args.buffer("positions", positions, DType.I32, rows);
        Args.buffer("out", out, DType.BF16, rows, width);
        if (split.singlePass()) {
            KernelLauncher.launch(
                    single,
                    new Dim(1, dims.kvHeads(), rows),
                    BLOCK,
                    0,
                    stream,
                    q,
                    kCache,
                    vCache,
                    positions,
                    out,
                    rows,
                    maxContext);
            return;
        }
        launchSplit(stream, q, kCache, vCache, positions, partialO, partialLse, rows, maxContext, split);
        combine.launch(stream, partialO, partialLse, positions, out, rows, maxContext, split);
    }

    /**
     * Enqueues the split kernel alone: each chunk's partial output and log-sum-exp, which {@link
     * DecodeAttentionCombineKernel} then merges (for callers that launch and attribute the combine
     * separately). Arguments as {@link #launch}; {@code split} must not be a single pass.
     */
    public void launchSplit(
            CudaStream stream,
            DeviceBuffer q,
            DeviceBuffer kCache,
            DeviceBuffer vCache,
            DeviceBuffer positions,
            DeviceBuffer partialO,
            DeviceBuffer partialLse,
            int rows,
            int maxContext,
            AttentionSplit split) {
        if (split.singlePass()) {
            throw new IllegalArgumentException("decode_attention: launchSplit needs a split over the context, not "
                    + split + "; use launch for a single pass");
        }
        Args.positive("rows", rows);
        Args.positive("maxContext", maxContext);
        Args.buffer("q", q, DType.BF16, rows, (long) dims.queryHeads() * dims.headDim());
        Args.buffer("kCache", kCache, DType.BF16, KvAppendKernel.cacheShape(dims, rows, maxContext));
        Args.buffer("vCache", vCache, DType.BF16, KvAppendKernel.cacheShape(dims, rows, maxContext));
        Args.buffer("positions", positions, DType.I32, rows);
        Args.buffer(
                "partialO", partialO, DType.F32, DecodeAttentionCombineKernel.partialOutputShape(dims, rows, split));
        Args.buffer(
                "partialLse", partialLse, DType.F32, DecodeAttentionCombineKernel.partialLseShape(dims, rows, split));
        KernelLauncher.launch(
                this.split,
                new Dim(split.chunks(), dims.kvHeads(), rows),
                BLOCK,
                0,
                stream,
                q,
                kCache,
                vCache,
                positions,
                partialO,
                partialLse,
                rows,
                maxContext,
                split.chunks(),
                split.chunkSize());
    }

    /**
     * The attention kernel alone (the combine has its own {@link DecodeAttentionCombineKernel#work}):
     * reads q, the positions and {@code keys} K and V rows per (request, kv head); writes the output
     * (single pass) or the used chunks' partial outputs and log-sum-exps (split). FLOPs per query
     * head and key: 2·D for q·k, 2·D for p·v, 3 for the max, exp and sum.
     *
     * @param keys keys every request attends ({@code position + 1})
     */
    public static Work work(AttentionDims dims, int rows, int keys, AttentionSplit split) {
        long heads = (long) rows * dims.queryHeads();
        long kv = 2L * rows * dims.kvHeads() * keys * dims.headDim() * 2;
        long read = heads * dims.headDim() * 2 + 4L * rows + kv;
        long written = split.singlePass()
                ? heads * dims.headDim() * 2
                : heads * split.chunksUsed(keys) * (dims.headDim() + 1L) * 4;
        return new Work(read, written, heads * keys * (4L * dims.headDim() + 3));
    }
}

package org.fusescope.kernels.reference;

import java.util.stream.IntStream;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * Reference of {@code decode_attention.cu}: request m's query heads attend keys {@code
 * 0..positions[m]} of its cache, query head h reading kv head {@code h / groupSize}, {@code s_j =
 * q·k_j / sqrt(D)}, softmax, {@code out = Σ_j p_j v_j}; float64 inside, one bf16 rounding. A position
 * outside {@code [0, maxContext)} gives NaN for that request. Also the split kernel's per-chunk
 * results, which {@link DecodeAttentionCombineReference} merges. Runs the (request, query head)
 * pairs in parallel; stateless.
 */
public final class DecodeAttentionReference {
    private static final double LOG2E = 1.0 / Math.log(2);

    private DecodeAttentionReference() {}

    /**
     * The split kernel's results: per (request, query head, chunk) the chunk's normalized output and
     * its base-2 log-sum-exp {@code log2(Σ_j 2^(s_j·log2 e))}; chunks without keys (and requests with
     * a bad position) hold NaN, which the kernel leaves unwritten.
     *
     * @param o {@code [rows, Hq, chunks, D]}
     * @param lse {@code [rows, Hq, chunks]}
     */
    public record Partials(float[] o, float[] lse) {}

    /**
     * @param q {@code [rows, Hq·D]}
     * @param kCache {@code [rows, Hkv, maxContext, D]}
     * @param vCache {@code [rows, Hkv, maxContext, D]}
     * @param positions {@code [rows]}
     * @return {@code [rows, Hq·D]}
     */
    public static float[] apply(
            float[] q, float[] kCache, float[] vCache, int[] positions, int rows, AttentionDims heads, int maxContext) {
        check(q, kCache, vCache, positions, rows, heads, maxContext);
        int d = heads.headDim();
        float[] out = new float[rows * heads.queryWidth()];
        IntStream.range(0, rows * heads.queryHeads()).parallel().forEach(rh -> {
            int row = rh / heads.queryHeads();
            int pos = positions[row];
            if (pos < 0 || pos >= maxContext) {
                java.util.Arrays.fill(out, rh * d, (rh + 1) * d, Float.NaN);
                return;
            }
            Chunk c = attend(q, kCache, vCache, row, rh % heads.queryHeads(), heads, maxContext, 0, pos + 1);
            for (int i = 0; i < d; i++) {
                out[rh * d + i] = Bf16Round.round(c.o[i]);
            }
        });
        return out;
    }

    /**
     * What the split kernel writes for {@code chunks} chunks of {@code chunkSize} keys: chunk c covers
     * keys {@code [c·chunkSize, (c+1)·chunkSize)} of the request's {@code positions[m] + 1}, the last
     * chunk also any keys past {@code chunks·chunkSize}. Outputs are fp32, not rounded to bf16.
     */
    public static Partials partials(
            float[] q,
            float[] kCache,
            float[] vCache,
            int[] positions,
            int rows,
            AttentionDims heads,
            int maxContext,
            int chunks,
            int chunkSize) {
        check(q, kCache, vCache, positions, rows, heads, maxContext);
        Args.positive("chunks", chunks);
        Args.positive("chunkSize", chunkSize);
        int d = heads.headDim();
        float[] o = new float[rows * heads.queryHeads() * chunks * d];
        float[] lse = new float[rows * heads.queryHeads() * chunks];
        java.util.Arrays.fill(o, Float.NaN);
        java.util.Arrays.fill(lse, Float.NaN);
        IntStream.range(0, rows * heads.queryHeads()).parallel().forEach(rh -> {
            int row = rh / heads.queryHeads();
            int pos = positions[row];
            if (pos < 0 || pos >= maxContext) {
                return;
            }
            int n = pos + 1;
            for (int c = 0; c < chunks && (long) c * chunkSize < n; c++) {
                int from = c * chunkSize;
                int to = c == chunks - 1 ? n : (int) Math.min(n, (long) from + chunkSize);
                Chunk r = attend(q, kCache, vCache, row, rh % heads.queryHeads(), heads, maxContext, from, to);
                for (int i = 0; i < d; i++) {
                    o[(rh * chunks + c) * d + i] = (float) r.o[i];
                }
                lse[rh * chunks + c] = (float) ((r.max + Math.log(r.sum)) * LOG2E);
            }
        });
        return new Partials(o, lse);
    }

    /** Softmax-normalized output over keys [from, to), the max score and the sum of exp(s − max). */
    private record Chunk(double[] o, double max, double sum) {}

    private static Chunk attend(
            float[] q,
            float[] kCache,
            float[] vCache,
            int row,
            int head,
            AttentionDims heads,
            int maxContext,
            int from,
            int to) {
        int d = heads.headDim();
        int qBase = (row * heads.queryHeads() + head) * d;
        int kvBase = (row * heads.kvHeads() + head / heads.groupSize()) * maxContext * d;
        double scale = 1.0 / Math.sqrt(d);
        double[] s = new double[to - from];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < to; j++) {
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += (double) q[qBase + i] * kCache[kvBase + j * d + i];
            }
            s[j - from] = dot * scale;
            max = Math.max(max, s[j - from]);
        }
        double sum = 0;
        double[] o = new double[d];
        for (int j = from; j < to; j++) {
            double p = Math.exp(s[j - from] - max);
            sum += p;
            for (int i = 0; i < d; i++) {
                o[i] += p * vCache[kvBase + j * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            o[i] /= sum;
        }
        return new Chunk(o, max, sum);
    }

    private static void check(
            float[] q, float[] kCache, float[] vCache, int[] positions, int rows, AttentionDims heads, int maxContext) {
        Args.positive("rows", rows);
        Args.positive("maxContext", maxContext);
        Args.length(
                "q",
                q,
                (long) rows * heads.queryWidth(),
                Args.dims("rows", rows, "queryHeads*headDim", heads.queryWidth()));
        long cache = (long) rows * heads.kvHeads() * maxContext * heads.headDim();
        String cacheDims = Args.dims(
                "rows", rows, "kvHeads", heads.kvHeads(), "maxContext", maxContext, "headDim", heads.headDim());
        Args.length("kCache", kCache, cache, cacheDims);
        Args.length("vCache", vCache, cache, cacheDims);
        Args.length("positions", positions, rows, Args.dims("rows", rows));
    }
}

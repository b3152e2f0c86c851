package org.fusescope.kernels.ops;

/**
 * How {@link DecodeAttentionKernel} divides each request's keys: one chunk (the single-pass kernel
 * writes the output) or {@code chunks} chunks of {@code chunkSize} keys (the split kernel writes
 * per-chunk partial results and {@code decode_attention_combine} merges them). Chunk c covers keys
 * {@code [c·chunkSize, (c+1)·chunkSize)}; the last chunk also takes any keys past {@code
 * chunks·chunkSize}, so a request longer than planned is still attended in full. Immutable.
 *
 * @param chunks chunks per request, at least 1 (1: single pass)
 * @param chunkSize keys per chunk (ignored for a single pass)
 */
public record AttentionSplit(int chunks, int chunkSize) {
    /** The single-pass kernel: one CTA per (request, kv head) over all its keys. */
    public static final AttentionSplit SINGLE_PASS = new AttentionSplit(1, Integer.MAX_VALUE);

    /** Fewest keys worth a chunk: below it the partial results cost more than the parallelism buys. */
    static final int MIN_CHUNK = 128;
    /** Chunk sizes are multiples of this (a round of the kernel's 4 warps at head dim 256). */
    static final int CHUNK_ALIGN = 32;
    /** CTAs of the kernel that fit on one SM at once (128 threads, about 255 registers each). */
    static final int CTAS_PER_SM = 2;

    public AttentionSplit {
        if (chunks < 1 || chunkSize < 1) {
            throw new IllegalArgumentException(
                    "need chunks >= 1 and chunkSize >= 1, got chunks=" + chunks + ", chunkSize=" + chunkSize);
        }
    }

    /**
     * {@code ceil(maxKeys / chunkSize)} chunks of {@code chunkSize} keys, whatever the device (tests
     * and benchmarks force a split with it); one chunk is the single pass.
     */
    public static AttentionSplit chunksOf(int chunkSize, int maxKeys) {
        if (chunkSize < 1 || maxKeys < 1) {
            throw new IllegalArgumentException(
                    "need chunkSize >= 1 and maxKeys >= 1, got chunkSize=" + chunkSize + ", maxKeys=" + maxKeys);
        }
        return new AttentionSplit(Math.max(1, (int) ((maxKeys + (long) chunkSize - 1) / chunkSize)), chunkSize);
    }

    /**
     * The default rule. Without splitting there are {@code rows·kvHeads} CTAs; if fewer than
     * {@value #CTAS_PER_SM} per SM, each request's keys are split into {@code floor(CTAS_PER_SM·SMs /
     * (rows·kvHeads))} chunks (so all CTAs still run in one wave), each of at least {@value #MIN_CHUNK}
     * keys, rounded up to a multiple of {@value #CHUNK_ALIGN}; one chunk means the single pass.
     *
     * @param maxKeys the most keys any request attends ({@code position + 1}); a longer request is
     *     still correct, only slower
     * @param multiprocessors SMs of the device
     */
    public static AttentionSplit choose(int rows, int kvHeads, int maxKeys, int multiprocessors) {
        if (rows < 1 || kvHeads < 1 || maxKeys < 1 || multiprocessors < 1) {
            throw new IllegalArgumentException("need rows, kvHeads, maxKeys and multiprocessors >= 1, got " + rows
                    + ", " + kvHeads + ", " + maxKeys + ", " + multiprocessors);
        }
        long ctas = (long) rows * kvHeads;
        long wanted = Math.max(1, CTAS_PER_SM * (long) multiprocessors / ctas);
        long size = Math.max(MIN_CHUNK, (maxKeys + wanted - 1) / wanted);
        size = (size + CHUNK_ALIGN - 1) / CHUNK_ALIGN * CHUNK_ALIGN;
        if (size >= maxKeys) {
            return SINGLE_PASS;
        }
        return chunksOf((int) size, maxKeys);
    }

    /** Whether this is the single pass (no partial results, no combine). */
    public boolean singlePass() {
        return chunks == 1;
    }

    /** Chunks that hold keys for a request attending {@code keys} keys. */
    public int chunksUsed(int keys) {
        return singlePass() ? 1 : (int) Math.min(chunks, (keys + (long) chunkSize - 1) / chunkSize);
    }

    @Override
    public String toString() {
        return singlePass() ? "single pass" : chunks + " chunks of " + chunkSize + " keys";
    }
}

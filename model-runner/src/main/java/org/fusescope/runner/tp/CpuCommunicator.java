package org.fusescope.runner.tp;

import java.util.Arrays;

/**
 * The CPU stand-in for NCCL: the collectives of {@code ranks} ranks whose buffers are plain float
 * arrays, one per rank, all called at once (the ranks run in lock-step). Sums accumulate in double in
 * rank order and round to fp32 once. Buffers are laid out as NCCL sees them: {@link #reduceScatter}
 * cuts each rank's buffer into {@code ranks} equal contiguous chunks, so a row-major {@code [M, H]}
 * activation gives rank r its slice of tokens {@code [r·M/N, (r+1)·M/N)}. Stateless apart from the
 * rank count; thread-safe.
 */
public final class CpuCommunicator {
    private final int ranks;

    /** @throws IllegalArgumentException when {@code ranks < 1} */
    public CpuCommunicator(int ranks) {
        if (ranks < 1) {
            throw new IllegalArgumentException("a communicator needs at least 1 rank, not " + ranks);
        }
        this.ranks = ranks;
    }

    public int ranks() {
        return ranks;
    }

    /** {@code all_reduce(sum)}: every rank gets the element-wise sum of all ranks' buffers (new arrays). */
    public float[][] allReduce(float[][] buffers) {
        int n = sameLength(buffers, "all_reduce");
        float[] sum = sum(buffers, 0, n);
        float[][] out = new float[ranks][];
        for (int r = 0; r < ranks; r++) {
            out[r] = sum.clone();
        }
        return out;
    }

    /**
     * {@code reduce_scatter(sum)}: rank r gets chunk r of the element-wise sum, chunks being the
     * buffers cut into {@code ranks} equal contiguous pieces.
     *
     * @throws IllegalArgumentException when the buffers differ in length or do not split evenly
     */
    public float[][] reduceScatter(float[][] buffers) {
        int n = sameLength(buffers, "reduce_scatter");
        if (n % ranks != 0) {
            throw new IllegalArgumentException(
                    "reduce_scatter: buffers of " + n + " elements do not split into " + ranks + " equal chunks");
        }
        int chunk = n / ranks;
        float[][] out = new float[ranks][];
        for (int r = 0; r < ranks; r++) {
            out[r] = sum(buffers, r * chunk, chunk);
        }
        return out;
    }

    /** {@code all_gather}: every rank gets all ranks' chunks concatenated in rank order (new arrays). */
    public float[][] allGather(float[][] chunks) {
        int chunk = sameLength(chunks, "all_gather");
        float[] all = new float[Math.multiplyExact(chunk, ranks)];
        for (int r = 0; r < ranks; r++) {
            System.arraycopy(chunks[r], 0, all, r * chunk, chunk);
        }
        float[][] out = new float[ranks][];
        for (int r = 0; r < ranks; r++) {
            out[r] = all.clone();
        }
        return out;
    }

    private float[] sum(float[][] buffers, int from, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            double s = 0;
            for (float[] b : buffers) {
                s += b[from + i];
            }
            out[i] = (float) s;
        }
        return out;
    }

    private int sameLength(float[][] buffers, String collective) {
        if (buffers.length != ranks) {
            throw new IllegalArgumentException(
                    collective + ": " + buffers.length + " buffers for a communicator of " + ranks + " ranks");
        }
        int n = buffers[0].length;
        if (Arrays.stream(buffers).anyMatch(b -> b.length != n)) {
            throw new IllegalArgumentException(collective + ": the ranks' buffers differ in length");
        }
        return n;
    }
}

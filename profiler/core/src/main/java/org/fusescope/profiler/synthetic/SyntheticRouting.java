package org.fusescope.profiler.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded top-K routing with a Zipf-like skew: every layer ranks the experts in its own random order,
 * and each token picks K distinct experts with probability ∝ 1/rank^{@value #ZIPF_EXPONENT}. Real
 * checkpoints route unevenly like this; the skew lowers the number of experts touched.
 *
 * <p>The routing depends only on the seed, E, K, M and the layer count, not on the variant or mode,
 * so a fused and an unfused run of one seed route identically (as the real runner does on the same
 * inputs). Calls must come in (step, layer) order. Not thread-safe.
 */
final class SyntheticRouting {
    static final double ZIPF_EXPONENT = 0.6;

    private final SplittableRandom rng;
    private final int experts;
    private final int topK;
    private final int batch;
    private final int[][] rankToExpert;
    private final double[] cdf;
    private final int[] chosenBy;

    SyntheticRouting(long seed, int experts, int topK, int batch, int layers) {
        this.rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.experts = experts;
        this.topK = topK;
        this.batch = batch;
        this.rankToExpert = new int[layers][];
        for (int l = 0; l < layers; l++) {
            rankToExpert[l] = shuffled(experts, rng);
        }
        this.cdf = new double[experts];
        double sum = 0;
        for (int r = 0; r < experts; r++) {
            sum += Math.pow(r + 1, -ZIPF_EXPONENT);
            cdf[r] = sum;
        }
        for (int r = 0; r < experts; r++) {
            cdf[r] /= sum;
        }
        this.chosenBy = new int[experts];
    }

    /**
     * Routes the next step of {@code layer}: slots per expert, indexed by expert, with {@code extra}
     * more entries (the appended shared expert, which gets every token once).
     */
    int[] route(int layer, int extra) {
        int[] counts = new int[experts + extra];
        int[] order = rankToExpert[layer];
        Arrays.fill(chosenBy, -1);
        for (int t = 0; t < batch; t++) {
            for (int k = 0; k < topK; k++) {
                int e;
                do {
                    e = order[rank(rng.nextDouble())];
                } while (chosenBy[e] == t);
                chosenBy[e] = t;
                counts[e]++;
            }
        }
        for (int x = 0; x < extra; x++) {
            counts[experts + x] = batch;
        }
        return counts;
    }

    private int rank(double u) {
        int i = Arrays.binarySearch(cdf, u);
        int r = i >= 0 ? i : -i - 1;
        return Math.min(r, experts - 1);
    }

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return a;
    }
}

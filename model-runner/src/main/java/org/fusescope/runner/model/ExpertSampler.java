package org.fusescope.runner.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws K distinct experts and K routing weights per token. Not thread-safe (owns a generator). */
final class ExpertSampler {
    private final SplittableRandom random;

    ExpertSampler(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Draws {@code count} distinct experts from {@code [from, to)} with probability proportional to
     * {@code p} (successive sampling without replacement), writing them to {@code out} from {@code at}.
     * {@code taken} marks experts already chosen for this token and is updated.
     */
    void draw(double[] p, int from, int to, int count, boolean[] taken, int[] out, int at) {
        for (int k = 0; k < count; k++) {
            double total = 0;
            for (int e = from; e < to; e++) {
                total += taken[e] ? 0 : p[e];
            }
            double u = random.nextDouble() * total;
            int pick = -1;
            for (int e = from; e < to && (pick < 0 || u > 0); e++) {
                if (!taken[e]) {
                    pick = e;
                    u -= p[e];
                }
            }
            taken[pick] = true;
            out[at + k] = pick;
        }
    }

    /** K weights in {@code [0.1, 1.1)} normalized to sum 1, largest first (as topk_softmax orders them). */
    void weights(float[] out, int at, int k) {
        double[] w = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            w[j] = 0.1 + random.nextDouble();
            sum += w[j];
        }
        Arrays.sort(w);
        for (int j = 0; j < k; j++) {
            out[at + j] = (float) (w[k - 1 - j] / sum);
        }
    }

    /** A fraction {@code x} of a whole: {@code floor(x)} plus one with probability {@code x - floor(x)}. */
    int round(double x) {
        int whole = (int) Math.floor(x);
        return whole + (random.nextDouble() < x - whole ? 1 : 0);
    }
}

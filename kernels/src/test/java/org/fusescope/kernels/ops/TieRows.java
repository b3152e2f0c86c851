package org.fusescope.kernels.ops;

import java.util.SplittableRandom;
import org.fusescope.kernels.shape.ModelDims;

/**
 * Router-output rows ({@code [m, routerGateRows]}, gate logit in column E) built so that the top-K
 * selection meets exact ties; row t takes pattern {@code t % PATTERNS}.
 */
final class TieRows {
    static final int PATTERNS = 7;

    private TieRows() {}

    static float[] of(ModelDims d, int m, SplittableRandom random) {
        int e = d.experts();
        int k = d.topK();
        int ld = TopkSoftmaxKernel.routerGateRows(d);
        float[] rows = RandomFill.floats(random, (long) m * ld, 3);
        for (int t = 0; t < m; t++) {
            int at = t * ld;
            switch (t % PATTERNS) {
                case 0 -> fill(rows, at, e, 0.5f); // all equal: experts 0..K-1
                case 1 -> { // +0 and -0 only: equal, so again the lowest ids
                    for (int i = 0; i < e; i++) {
                        rows[at + i] = i % 2 == 0 ? -0f : 0f;
                    }
                }
                case 2 -> { // K + 2 experts spread over every warp tie at the top
                    fill(rows, at, e, -1f);
                    for (int j = 0; j < k + 2; j++) {
                        rows[at + (int) ((long) j * e / (k + 2))] = 2f;
                    }
                }
                case 3 -> { // a tie at the K-th place across warps: K - 1 clear winners, then 3 equal
                    for (int j = 0; j < k - 1; j++) {
                        rows[at + e - 1 - j] = 10f + j;
                    }
                    for (int j = 0; j < 3; j++) {
                        rows[at + (int) ((long) j * (e - k) / 3)] = 5f;
                    }
                }
                case 4 -> { // every top value in the last 32 experts (the other warps' maxima far below)
                    for (int i = Math.max(0, e - 32); i < e; i++) {
                        rows[at + i] += 100f;
                    }
                }
                case 5 -> { // the first 32 experts far below (a low bound, many candidates)
                    for (int i = 0; i < Math.min(32, e); i++) {
                        rows[at + i] -= 100f;
                    }
                }
                default -> { // coarse values: many ties everywhere
                    for (int i = 0; i < e; i++) {
                        rows[at + i] = Math.round(rows[at + i] * 2) / 2f;
                    }
                }
            }
        }
        return rows;
    }

    private static void fill(float[] rows, int at, int n, float value) {
        java.util.Arrays.fill(rows, at, at + n, value);
    }
}

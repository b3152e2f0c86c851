package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code grouped_gemm2.cu}: for every expert e and slot s in its list, {@code h2[s, 0:H]
 * = (a[s] · W2[e]ᵀ) * weight(s)} with {@code W2[e] = down_proj}.
 */
public final class GroupedGemm2Reference {
    private GroupedGemm2Reference() {}

    /**
     * {@code h2[s, n] = bf16(weight(s) * sum_i a[s, i] * W2[e, n, i])}, float64 accumulation; the
     * weight comes from the tables. Rows of slots that no expert lists stay 0.
     *
     * @param a {@code [numSlots, inter]} from silu_and_mul
     * @param w2 {@code [experts, hidden, inter]}
     * @param tables the expert tables ({@link MoeAlignReference}); {@code tables.experts()} experts
     * @return {@code [numSlots, hidden]}
     */
    public static float[] apply(
            float[] a, float[] w2, MoeAlignReference.Result tables, int numSlots, int hidden, int inter) {
        Args.positive("numSlots", numSlots);
        Args.positive("hidden", hidden);
        Args.positive("inter", inter);
        int experts = tables.experts();
        Args.length("a", a, (long) numSlots * inter, Args.dims("numSlots", numSlots, "inter", inter));
        Args.length(
                "w2",
                w2,
                (long) experts * hidden * inter,
                Args.dims("experts", experts, "hidden", hidden, "inter", inter));
        float[] h2 = new float[numSlots * hidden];
        for (int e = 0; e < experts; e++) {
            for (int i = 0; i < tables.counts()[e]; i++) {
                int s = tables.slots()[e][i];
                Args.slot(s, numSlots, e);
                double weight = tables.weights()[e][i];
                for (int n = 0; n < hidden; n++) {
                    int wBase = (e * hidden + n) * inter;
                    double acc = 0;
                    for (int j = 0; j < inter; j++) {
                        acc += (double) a[s * inter + j] * w2[wBase + j];
                    }
                    h2[s * hidden + n] = Bf16Round.round(acc * weight);
                }
            }
        }
        return h2;
    }
}

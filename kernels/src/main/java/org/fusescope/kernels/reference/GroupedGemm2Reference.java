package org.fusescope.kernels.reference;

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
        Shapes.positive("numSlots", numSlots);
        Shapes.positive("hidden", hidden);
        Shapes.positive("inter", inter);
        int experts = tables.experts();
        Shapes.length("a", a, (long) numSlots * inter, Shapes.dims("numSlots", numSlots, "inter", inter));
        Shapes.length(
                "w2",
                w2,
                (long) experts * hidden * inter,
                Shapes.dims("experts", experts, "hidden", hidden, "inter", inter));
        float[] h2 = new float[numSlots * hidden];
        for (int e = 0; e < experts; e++) {
            for (int i = 0; i < tables.counts()[e]; i++) {
                int s = tables.slots()[e][i];
                Shapes.checkSlot(s, numSlots, e);
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

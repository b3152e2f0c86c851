package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code grouped_gemm1.cu}: for every expert e and slot s in its list, {@code h1[s, 0:2I]
 * = y[s / K'] · W13[e]ᵀ} with {@code W13[e] = [gate_proj; up_proj]}.
 */
public final class GroupedGemm1Reference {
    private GroupedGemm1Reference() {}

    /**
     * {@code h1[s, n] = bf16(sum_h y[s/topk, h] * W13[e, n, h])}, float64 accumulation. Rows of slots
     * that no expert lists stay 0 (the kernel leaves them untouched).
     *
     * @param y {@code [tokens, hidden]} normed activations
     * @param w13 {@code [experts, 2*inter, hidden]}
     * @param tables the expert tables ({@link MoeAlignReference}); {@code tables.experts()} experts
     * @param topk K' slots per token; the slot count is {@code tokens * topk}
     * @return {@code [tokens*topk, 2*inter]}
     */
    public static float[] apply(
            float[] y, float[] w13, MoeAlignReference.Result tables, int tokens, int hidden, int inter, int topk) {
        Args.positive("tokens", tokens);
        Args.positive("hidden", hidden);
        Args.positive("inter", inter);
        Args.positive("topk", topk);
        int experts = tables.experts();
        int rows = 2 * inter;
        Args.length("y", y, (long) tokens * hidden, Args.dims("tokens", tokens, "hidden", hidden));
        Args.length(
                "w13",
                w13,
                (long) experts * rows * hidden,
                Args.dims("experts", experts, "2*inter", rows, "hidden", hidden));
        int numSlots = tokens * topk;
        float[] h1 = new float[numSlots * rows];
        for (int e = 0; e < experts; e++) {
            for (int i = 0; i < tables.counts()[e]; i++) {
                int s = tables.slots()[e][i];
                Args.slot(s, numSlots, e);
                int xBase = (s / topk) * hidden;
                for (int n = 0; n < rows; n++) {
                    int wBase = (e * rows + n) * hidden;
                    double acc = 0;
                    for (int h = 0; h < hidden; h++) {
                        acc += (double) y[xBase + h] * w13[wBase + h];
                    }
                    h1[s * rows + n] = Bf16Round.round(acc);
                }
            }
        }
        return h1;
    }
}

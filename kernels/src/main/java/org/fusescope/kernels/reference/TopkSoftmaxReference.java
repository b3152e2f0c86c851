package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code topk_softmax.cu}: softmax over all experts, the top K, renormalized.
 *
 * <p>The top K are chosen on the logits (softmax is monotonic), largest first, ties to the lower
 * expert id. With {@code renormalize} the weights are {@code p[id_k] / sum_j p[id_j]}, which equals
 * {@code exp(l_k - l_max) / sum_j exp(l_j - l_max)} over the chosen K; otherwise {@code p[id_k]}.
 */
public final class TopkSoftmaxReference {
    private TopkSoftmaxReference() {}

    /** Expert ids {@code [rows, topk]} (decreasing weight) and their fp32 weights {@code [rows, topk]}. */
    public static final class Result {
        private final int[] ids;
        private final float[] weights;

        Result(int[] ids, float[] weights) {
            this.ids = ids;
            this.weights = weights;
        }

        /** Expert ids [rows, topk], decreasing weight (the array itself, not a copy). */
        public int[] ids() {
            return ids;
        }

        /** Routing weights [rows, topk] (the array itself, not a copy). */
        public float[] weights() {
            return weights;
        }
    }

    /**
     * The top-K ids and weights of every row.
     *
     * @param logits {@code [rows, experts]} router logits (fp32, or bf16 values)
     * @param renormalize whether the K weights are renormalized to sum 1 (Qwen3-Next: true)
     */
    public static Result apply(float[] logits, int rows, int experts, int topk, boolean renormalize) {
        Args.positive("rows", rows);
        Args.positive("experts", experts);
        Args.positive("topk", topk);
        if (topk > experts) {
            throw new IllegalArgumentException("topk: expected <= experts (" + experts + ") but was " + topk);
        }
        Args.length("logits", logits, (long) rows * experts, Args.dims("rows", rows, "experts", experts));
        int[] ids = new int[rows * topk];
        float[] weights = new float[rows * topk];
        for (int t = 0; t < rows; t++) {
            int base = t * experts;
            double max = Double.NEGATIVE_INFINITY;
            double all = 0;
            for (int e = 0; e < experts; e++) {
                max = Math.max(max, logits[base + e]);
            }
            for (int e = 0; e < experts; e++) {
                all += Math.exp(logits[base + e] - max);
            }
            boolean[] taken = new boolean[experts];
            double chosen = 0;
            for (int k = 0; k < topk; k++) {
                int best = -1;
                for (int e = 0; e < experts; e++) {
                    if (!taken[e] && (best < 0 || logits[base + e] > logits[base + best])) {
                        best = e;
                    }
                }
                taken[best] = true;
                ids[t * topk + k] = best;
                chosen += Math.exp(logits[base + best] - max);
            }
            double denom = renormalize ? chosen : all;
            for (int k = 0; k < topk; k++) {
                weights[t * topk + k] = (float) (Math.exp(logits[base + ids[t * topk + k]] - max) / denom);
            }
        }
        return new Result(ids, weights);
    }
}

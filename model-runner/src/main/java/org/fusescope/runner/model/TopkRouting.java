package org.fusescope.runner.model;

import org.fusescope.kernels.shape.Args;

/**
 * A routing decided by a scenario instead of the router: each token's K distinct experts and weights.
 * The arrays are held, not copied; treat them as read-only.
 *
 * @param tokens M
 * @param topK K
 * @param ids {@code [M, K]} int32 expert ids, K distinct per token
 * @param weights {@code [M, K]} fp32 routing weights, positive, summing to 1 per token, decreasing
 */
public record TopkRouting(int tokens, int topK, int[] ids, float[] weights) {
    public TopkRouting {
        Args.check(
                ids.length == (long) tokens * topK && weights.length == ids.length,
                "ids and weights must hold tokens * topK = " + (long) tokens * topK + " entries");
    }

    /** Slots per expert: {@code count[e]} = how many of the M·K slots go to expert e. */
    public int[] counts(int experts) {
        int[] count = new int[experts];
        for (int id : ids) {
            count[id]++;
        }
        return count;
    }
}

package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code append_shared_expert.cu}: every token gets one more slot, the shared expert
 * (id {@code sharedId} = E) with weight {@code sigmoid(g[t])}.
 */
public final class AppendSharedExpertReference {
    private AppendSharedExpertReference() {}

    /** Ids {@code [rows, topk+1]} and fp32 weights {@code [rows, topk+1]}. */
    public static final class Result {
        private final int[] ids;
        private final float[] weights;

        Result(int[] ids, float[] weights) {
            this.ids = ids;
            this.weights = weights;
        }

        /** Expert ids [rows, topk+1] (the array itself, not a copy). */
        public int[] ids() {
            return ids;
        }

        /** Routing weights [rows, topk+1] (the array itself, not a copy). */
        public float[] weights() {
            return weights;
        }
    }

    /**
     * The routing with the shared expert appended as slot {@code topk} of every token.
     *
     * @param ids {@code [rows, topk]} routed expert ids
     * @param weights {@code [rows, topk]} their weights
     * @param gate {@code [rows, 1]} the shared-expert gate logits
     * @param sharedId the shared expert's id in the expert tables (E)
     */
    public static Result apply(int[] ids, float[] weights, float[] gate, int rows, int topk, int sharedId) {
        Args.positive("rows", rows);
        Args.positive("topk", topk);
        String shape = Args.dims("rows", rows, "topk", topk);
        Args.length("ids", ids, (long) rows * topk, shape);
        Args.length("weights", weights, (long) rows * topk, shape);
        Args.length("gate", gate, rows, Args.dims("rows", rows, "cols", 1));
        int kp = topk + 1;
        int[] outIds = new int[rows * kp];
        float[] outWeights = new float[rows * kp];
        for (int t = 0; t < rows; t++) {
            System.arraycopy(ids, t * topk, outIds, t * kp, topk);
            System.arraycopy(weights, t * topk, outWeights, t * kp, topk);
            outIds[t * kp + topk] = sharedId;
            outWeights[t * kp + topk] = (float) Activations.sigmoid(gate[t]);
        }
        return new Result(outIds, outWeights);
    }
}

package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;

/** Reference of {@code moe_sum_reduce.cu}: {@code out[t] = sum over k < K' of h2[t*K' + k]}. */
public final class MoeSumReduceReference {
    private MoeSumReduceReference() {}

    /**
     * {@code out[t,h] = bf16(sum_k h2[t*topk + k, h])}.
     *
     * @param h2 {@code [tokens*topk, hidden]}, slot-major
     * @param topk K' slots per token (K, or K + 1 with the shared expert appended)
     * @return {@code [tokens, hidden]}
     */
    public static float[] apply(float[] h2, int tokens, int hidden, int topk) {
        Args.positive("tokens", tokens);
        Args.positive("hidden", hidden);
        Args.positive("topk", topk);
        Args.length("h2", h2, (long) tokens * topk * hidden, Args.dims("tokens*topk", tokens * topk, "hidden", hidden));
        float[] out = new float[tokens * hidden];
        for (int t = 0; t < tokens; t++) {
            for (int h = 0; h < hidden; h++) {
                double acc = 0;
                for (int k = 0; k < topk; k++) {
                    acc += h2[(t * topk + k) * hidden + h];
                }
                out[t * hidden + h] = Bf16Round.round(acc);
            }
        }
        return out;
    }
}

package org.fusescope.runner.tp;

import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.verify.BlockReference;

/**
 * One rank's MoE block in fp32: its slice of every routed expert's and of the shared expert's
 * intermediate dimension, and the replicated router, shared-expert gate and norm. {@link #partial}
 * gives the rank's row-parallel partial sum of the block's output; the sum over the ranks is the
 * block's output. Immutable.
 */
final class MoeShard {
    private final ModelConfig config;
    private final ExpertShard routed;
    private final ExpertShard shared;
    private final float[] router;
    private final float[] sharedExpertGate;
    private final float[] norm;

    MoeShard(MoeWeights w, TpPlan plan, int rank) {
        config = w.config();
        int h = config.hidden();
        int i = plan.interPerRank();
        int si = plan.sharedInterPerRank();
        routed = ExpertShard.of(w.w13(), w.w2(), config.experts(), config.inter(), h, rank * i, (rank + 1) * i);
        shared = ExpertShard.of(w.sharedW13(), w.sharedW2(), 1, config.sharedInter(), h, rank * si, (rank + 1) * si);
        router = WeightSlices.all(w.router());
        sharedExpertGate = WeightSlices.all(w.sharedGate());
        norm = WeightSlices.all(w.norm());
    }

    /** The block's input norm weight (replicated; zero-centred). */
    float[] norm() {
        return norm;
    }

    /**
     * This rank's partial sum of the block's output {@code [tokens, H]} for the normed input {@code y
     * [tokens, H]} (all tokens: the experts are split by their intermediate dimension, not by tokens).
     * The routing is the router's on the replicated {@code y}, the same on every rank.
     */
    float[] partial(float[] y, int tokens) {
        int h = config.hidden();
        int e = config.experts();
        int k = config.topK();
        float[] logits = new float[tokens * e];
        for (int t = 0; t < tokens; t++) {
            for (int x = 0; x < e; x++) {
                logits[t * e + x] = (float) WeightSlices.dot(y, t * h, router, x * h, h);
            }
        }
        BlockReference.Routing routing = BlockReference.route(logits, tokens, e, k, config.normTopkProb());
        float[] out = new float[tokens * h];
        for (int t = 0; t < tokens; t++) {
            double[] acc = new double[h];
            for (int j = 0; j < k; j++) {
                routed.addPartial(y, t * h, routing.ids()[t * k + j], routing.weights()[t * k + j], acc);
            }
            double gate = WeightSlices.dot(y, t * h, sharedExpertGate, 0, h);
            shared.addPartial(y, t * h, 0, 1 / (1 + Math.exp(-gate)), acc);
            for (int n = 0; n < h; n++) {
                out[t * h + n] = (float) acc[n];
            }
        }
        return out;
    }
}

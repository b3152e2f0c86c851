package org.fusescope.runner.model;

import java.util.Arrays;
import org.fusescope.kernels.shape.Args;

/** The sampled scenarios' routings; see {@link RoutingScenario.Zipf} and {@link RoutingScenario.Hot}. */
final class SampledRouting {
    private SampledRouting() {}

    static TopkRouting zipf(double s, int tokens, int experts, int topK, long seed, int layer) {
        checkSizes(tokens, experts, topK);
        double[] p = new double[experts];
        for (int e = 0; e < experts; e++) {
            p[e] = Math.pow(e + 1.0, -s);
        }
        ExpertSampler sampler = new ExpertSampler(Seeds.forLayer(seed, layer, 1));
        int[] ids = new int[tokens * topK];
        float[] weights = new float[ids.length];
        for (int t = 0; t < tokens; t++) {
            sampler.draw(p, 0, experts, topK, new boolean[experts], ids, t * topK);
            sampler.weights(weights, t * topK, topK);
        }
        return new TopkRouting(tokens, topK, ids, weights);
    }

    static TopkRouting hot(RoutingScenario.Hot hot, int tokens, int experts, int topK, long seed, int layer) {
        checkSizes(tokens, experts, topK);
        int n = hot.n();
        double perToken = hot.fraction() * topK;
        Args.check(
                n <= experts && perToken <= Math.min(n, topK) + 1e-9 && topK - perToken <= experts - n + 1e-9,
                "routing scenario '" + hot.spec() + "' cannot be met with " + experts + " experts, " + topK
                        + " distinct per token: the hot share per token must lie in ["
                        + Math.max(0, topK - (experts - n))
                        + ", " + Math.min(n, topK) + "] slots");
        double[] p = new double[experts];
        Arrays.fill(p, 1);
        ExpertSampler sampler = new ExpertSampler(Seeds.forLayer(seed, layer, 2));
        int[] ids = new int[tokens * topK];
        float[] weights = new float[ids.length];
        for (int t = 0; t < tokens; t++) {
            int h = Math.max(topK - (experts - n), Math.min(Math.min(n, topK), sampler.round(perToken)));
            boolean[] taken = new boolean[experts];
            sampler.draw(p, 0, n, h, taken, ids, t * topK);
            sampler.draw(p, n, experts, topK - h, taken, ids, t * topK + h);
            sampler.weights(weights, t * topK, topK);
        }
        return new TopkRouting(tokens, topK, ids, weights);
    }

    private static void checkSizes(int tokens, int experts, int topK) {
        Args.positive("tokens", tokens);
        Args.positive("experts", experts);
        Args.check(topK >= 1 && topK <= experts, "topK must be in 1.." + experts + ", not " + topK);
    }
}

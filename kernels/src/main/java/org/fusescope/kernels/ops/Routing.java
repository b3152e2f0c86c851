package org.fusescope.kernels.ops;

import java.util.SplittableRandom;
import org.fusescope.kernels.reference.MoeAlignReference;
import org.fusescope.kernels.shape.ModelDims;

/**
 * A routing for benchmarks: each token's K experts drawn uniformly without replacement, weights
 * uniform and normalized to sum 1, the shared expert appended as expert E (weight 0.5) when {@code
 * dims.sharedAsExpert()}; plus the expert tables flattened as the align kernels lay them out.
 *
 * @param ids {@code [tokens * K']} expert per slot
 * @param weights {@code [tokens * K']} routing weight per slot
 * @param count {@code [E']} slots per expert
 * @param expertToTokens {@code [E', tokens * K']} slots per expert, row e valid to {@code count[e]}
 * @param expertToWeights {@code [E', tokens * K']} their weights
 * @param touchedExperts experts with at least one slot
 */
public record Routing(
        int[] ids, float[] weights, int[] count, int[] expertToTokens, float[] expertToWeights, int touchedExperts) {

    /** A uniform random routing of {@code tokens} tokens. */
    public static Routing uniform(SplittableRandom random, ModelDims dims, int tokens) {
        int k = dims.topK();
        int kp = dims.slotsPerToken();
        int[] ids = new int[tokens * kp];
        float[] weights = new float[ids.length];
        int[] perm = new int[dims.experts()];
        for (int t = 0; t < tokens; t++) {
            for (int e = 0; e < perm.length; e++) {
                perm[e] = e;
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                int pick = j + random.nextInt(perm.length - j);
                int tmp = perm[j];
                perm[j] = perm[pick];
                perm[pick] = tmp;
                ids[t * kp + j] = perm[j];
                weights[t * kp + j] = (float) (0.1 + random.nextDouble());
                sum += weights[t * kp + j];
            }
            for (int j = 0; j < k; j++) {
                weights[t * kp + j] = (float) (weights[t * kp + j] / sum);
            }
            if (kp > k) {
                ids[t * kp + k] = dims.experts();
                weights[t * kp + k] = 0.5f;
            }
        }
        return of(ids, weights, dims.tableExperts());
    }

    /** The tables of a given routing ({@link MoeAlignReference}, slots in increasing order). */
    public static Routing of(int[] ids, float[] weights, int tableExperts) {
        MoeAlignReference.Result tables = MoeAlignReference.apply(ids, weights, tableExperts);
        int slots = ids.length;
        int[] e2t = new int[tableExperts * slots];
        float[] e2w = new float[e2t.length];
        int touched = 0;
        for (int e = 0; e < tableExperts; e++) {
            int c = tables.counts()[e];
            System.arraycopy(tables.slots()[e], 0, e2t, e * slots, c);
            System.arraycopy(tables.weights()[e], 0, e2w, e * slots, c);
            touched += c > 0 ? 1 : 0;
        }
        return new Routing(ids, weights, tables.counts().clone(), e2t, e2w, touched);
    }
}

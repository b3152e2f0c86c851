package org.fusescope.runner.tp;

import java.util.Arrays;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.model.MoeWeights;

/**
 * One decoder layer from its mixer's head outputs on, run on the CPU by {@code N} ranks in lock-step
 * on the sharded weights, in fp32: each rank's row-parallel part of the mixer's output projection,
 * the reduction after it, the residual add and the MoE block's zero-centred RMSNorm, the MoE block
 * with its experts split by their intermediate dimension, and the reduction after it. The mixer's own
 * head math (attention or the gated delta rule) is per head, so each rank computes its heads' output
 * on its own; this step starts from those outputs. Collectives go through a {@link CpuCommunicator}.
 *
 * <p>With sequence parallelism ({@link TpReduction#sequenceParallel()}) each rank holds the residual
 * of its slice of the tokens, normalizes that slice and all-gathers the normed rows for the MoE block;
 * the layer's outputs are all-gathered at the end only to be compared. Immutable; {@link #run} is
 * thread-safe.
 */
public final class TpLayerStep {
    /**
     * The layer's input.
     *
     * @param heads the mixer's head outputs before its output projection {@code [tokens, width]}
     *     (attention: {@code Hq·D} after the output gate; gated delta net: {@code Hv·Dv} after its norm)
     * @param residual the residual stream entering the layer {@code [tokens, H]}
     */
    public record Input(float[] heads, float[] residual, int tokens) {}

    /**
     * What rank 0 holds at the end of the layer, every token (gathered where sequence parallel).
     *
     * @param residual the residual after the mixer's output was added {@code [tokens, H]}
     * @param y the MoE block's normed input {@code [tokens, H]}
     * @param out the MoE block's output {@code [tokens, H]}
     */
    public record Output(float[] residual, float[] y, float[] out) {}

    private final TpPlan plan;
    private final int layer;
    private final double eps;
    private final OutProjectionShard[] projections;
    private final MoeShard[] moe;

    /** Shards {@code mixer}'s output projection and {@code moe} (one layer's) as {@code plan} says. */
    public TpLayerStep(TpPlan plan, MixerWeights mixer, MoeWeights moe) {
        if (mixer.layer() != moe.layer()) {
            throw new IllegalArgumentException(
                    "the mixer is layer " + mixer.layer() + ", the MoE block layer " + moe.layer());
        }
        this.plan = plan;
        this.layer = moe.layer();
        this.eps = plan.config().rmsNormEps();
        this.projections = new OutProjectionShard[plan.ranks()];
        this.moe = new MoeShard[plan.ranks()];
        for (int r = 0; r < plan.ranks(); r++) {
            projections[r] = OutProjectionShard.of(mixer, plan, r);
            this.moe[r] = new MoeShard(moe, plan, r);
        }
    }

    public int layer() {
        return layer;
    }

    public TpPlan plan() {
        return plan;
    }

    /**
     * Runs the layer with {@code reduction} after the mixer and after the MoE block.
     *
     * @throws IllegalArgumentException when sequence parallel and the tokens do not split evenly
     */
    public Output run(Input in, TpReduction reduction) {
        int n = plan.ranks();
        int h = plan.config().hidden();
        int m = in.tokens();
        if (reduction.sequenceParallel() && m % n != 0) {
            throw new IllegalArgumentException("sequence parallelism needs the batch (" + m
                    + " tokens) to be a multiple of the tensor-parallel size (" + n + ")");
        }
        CpuCommunicator comm = new CpuCommunicator(n);
        float[][] attn = new float[n][];
        for (int r = 0; r < n; r++) {
            attn[r] = projections[r].partial(in.heads(), m);
        }
        if (!reduction.sequenceParallel()) {
            float[][] reduced = comm.allReduce(attn);
            float[][] residual = new float[n][];
            float[][] y = new float[n][];
            for (int r = 0; r < n; r++) {
                residual[r] = add(in.residual(), reduced[r]);
                y[r] = rmsNorm(residual[r], h, moe[r].norm());
            }
            float[][] out = comm.allReduce(moePartials(y, m));
            return new Output(residual[0], y[0], out[0]);
        }
        float[][] mine = reduction == TpReduction.SP_HARDCODED_ALL_REDUCE
                ? hardcodedAllReduce(comm, attn)
                : comm.reduceScatter(attn);
        int rows = m / n;
        float[][] residual = new float[n][];
        float[][] ySlice = new float[n][];
        for (int r = 0; r < n; r++) {
            float[] own = Arrays.copyOfRange(in.residual(), r * rows * h, (r + 1) * rows * h);
            residual[r] = add(own, mine[r]);
            ySlice[r] = rmsNorm(residual[r], h, moe[r].norm());
        }
        float[][] y = comm.allGather(ySlice);
        float[][] out = comm.allGather(comm.reduceScatter(moePartials(y, m)));
        return new Output(comm.allGather(residual)[0], y[0], out[0]);
    }

    /**
     * The seed's bug: the partial sums all-reduced where they should have been reduce-scattered, and
     * the rank's slice taken as the sum of every token slice of the result instead of its own.
     */
    private static float[][] hardcodedAllReduce(CpuCommunicator comm, float[][] partials) {
        float[][] full = comm.allReduce(partials);
        int slice = full[0].length / comm.ranks();
        float[][] out = new float[comm.ranks()][slice];
        for (int r = 0; r < comm.ranks(); r++) {
            for (int s = 0; s < comm.ranks(); s++) {
                for (int i = 0; i < slice; i++) {
                    out[r][i] += full[r][s * slice + i];
                }
            }
        }
        return out;
    }

    private float[][] moePartials(float[][] y, int tokens) {
        float[][] partial = new float[plan.ranks()][];
        for (int r = 0; r < plan.ranks(); r++) {
            partial[r] = moe[r].partial(y[r], tokens);
        }
        return partial;
    }

    private static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** The zero-centred RMSNorm of each row of {@code x}: {@code x · rsqrt(mean(x²) + eps) · (1 + w)}. */
    private float[] rmsNorm(float[] x, int h, float[] w) {
        float[] y = new float[x.length];
        for (int from = 0; from < x.length; from += h) {
            double scale = 1 / Math.sqrt(WeightSlices.dot(x, from, x, from, h) / h + eps);
            for (int c = 0; c < h; c++) {
                y[from + c] = (float) (x[from + c] * scale * (1 + w[c]));
            }
        }
        return y;
    }
}

package org.fusescope.runner.tp;

import org.fusescope.runner.model.AttentionWeights;
import org.fusescope.runner.model.LinearAttentionWeights;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.tp.WeightSlices.Elements;

/**
 * One rank's part of a mixer's output projection (row-parallel): the columns of {@code o_proj} (full
 * attention, {@code [H, Hq·D]}) or {@code out_proj} (gated delta net, {@code [H, Hv·Dv]}) that belong
 * to the rank's query or value heads, applied to the same columns of the heads' output. Immutable.
 *
 * @param weight {@code [H, to - from]}
 * @param width the full width of the heads' output, {@code Hq·D} or {@code Hv·Dv}
 * @param from the rank's first column of the heads' output
 * @param to one past its last
 */
record OutProjectionShard(float[] weight, int hidden, int width, int from, int to) {

    static OutProjectionShard of(MixerWeights mixer, TpPlan plan, int rank) {
        int h = mixer.config().hidden();
        if (mixer instanceof AttentionWeights a) {
            int perRank = plan.queryHeadsPerRank() * a.config().attention().headDim();
            return of(a.oProj(), h, a.config().attention().queryWidth(), rank * perRank, (rank + 1) * perRank);
        }
        LinearAttentionWeights l = (LinearAttentionWeights) mixer;
        int perRank = plan.valueHeadsPerRank() * l.config().linear().valueDim();
        return of(l.outProj(), h, l.config().linear().vDim(), rank * perRank, (rank + 1) * perRank);
    }

    private static OutProjectionShard of(short[] w, int h, int width, int from, int to) {
        return new OutProjectionShard(WeightSlices.columns(Elements.bf16(w), h, width, from, to), h, width, from, to);
    }

    /** The rank's partial sum {@code [tokens, H]} of the projection of {@code heads [tokens, width]}. */
    float[] partial(float[] heads, int tokens) {
        float[] mine = WeightSlices.columns(Elements.fp32(heads), tokens, width, from, to);
        int n = to - from;
        float[] out = new float[tokens * hidden];
        for (int t = 0; t < tokens; t++) {
            for (int c = 0; c < hidden; c++) {
                out[t * hidden + c] = (float) WeightSlices.dot(mine, t * n, weight, c * n, n);
            }
        }
        return out;
    }
}

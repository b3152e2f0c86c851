package org.fusescope.runner.tp;

import org.fusescope.runner.tp.WeightSlices.Elements;

/**
 * One rank's part of a set of SwiGLU experts: of each expert, the gate and up rows {@code [from, to)}
 * of the intermediate dimension (column-parallel) and the same columns of the down projection
 * (row-parallel). SiLU(gate)·up is element-wise along the intermediate dimension, so each rank's down
 * projection is an exact partial sum of the whole expert's. Immutable.
 *
 * @param gate {@code [experts, inter, hidden]}
 * @param up {@code [experts, inter, hidden]}
 * @param down {@code [experts, hidden, inter]}
 * @param inter the intermediate size this rank holds
 */
record ExpertShard(float[] gate, float[] up, float[] down, int experts, int inter, int hidden) {

    /**
     * The slice {@code [from, to)} of experts stored as the kernels store them.
     *
     * @param w13 {@code [experts, 2·fullInter, hidden]}, per expert {@code [gate_proj; up_proj]}
     * @param w2 {@code [experts, hidden, fullInter]}
     */
    static ExpertShard of(short[] w13, short[] w2, int experts, int fullInter, int hidden, int from, int to) {
        Elements gateUp = Elements.bf16(w13);
        int blockRows = 2 * fullInter;
        return new ExpertShard(
                WeightSlices.rows(gateUp, experts, blockRows, hidden, from, to),
                WeightSlices.rows(gateUp, experts, blockRows, hidden, fullInter + from, fullInter + to),
                WeightSlices.columns(Elements.bf16(w2), experts * hidden, fullInter, from, to),
                experts,
                to - from,
                hidden);
    }

    /** This rank's part of {@code expert}'s output for the row of {@code y} at {@code yFrom}, added to {@code acc} times {@code weight}. */
    void addPartial(float[] y, int yFrom, int expert, double weight, double[] acc) {
        float[] act = new float[inter];
        for (int i = 0; i < inter; i++) {
            int row = (expert * inter + i) * hidden;
            double g = WeightSlices.dot(y, yFrom, gate, row, hidden);
            double u = WeightSlices.dot(y, yFrom, up, row, hidden);
            act[i] = (float) (g / (1 + Math.exp(-g)) * u);
        }
        for (int n = 0; n < hidden; n++) {
            acc[n] += weight * WeightSlices.dot(act, 0, down, (expert * hidden + n) * inter, inter);
        }
    }
}

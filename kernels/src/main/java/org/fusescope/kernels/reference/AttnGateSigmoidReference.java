package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.AttentionDims;

/**
 * Reference of {@code attn_gate_sigmoid.cu}: the output gate's sigmoid, {@code bf16(sigmoid(gate))},
 * taken from the q projection's per-head {@code [query | gate]} layout ({@link QueryGateLayout}) and
 * written contiguous.
 */
public final class AttnGateSigmoidReference {
    private AttnGateSigmoidReference() {}

    /**
     * @param qGate {@code [rows, Hq, 2·D]}
     * @return {@code [rows, Hq·D]}
     */
    public static float[] apply(float[] qGate, int rows, AttentionDims heads) {
        return SigmoidReference.apply(QueryGateLayout.gates(qGate, rows, heads), rows, heads.queryWidth());
    }
}

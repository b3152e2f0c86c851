package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.AttentionDims;

/**
 * Reference of {@code attn_gate_sigmoid_mul.cu}: {@code attn = bf16(attn · sigmoid(gate))}, one
 * rounding, the gate taken from the q projection's per-head {@code [query | gate]} layout ({@link
 * QueryGateLayout}).
 */
public final class AttnGateSigmoidMulReference {
    private AttnGateSigmoidMulReference() {}

    /**
     * @param qGate {@code [rows, Hq, 2·D]}
     * @param attn {@code [rows, Hq·D]} (not modified; the kernel updates it in place)
     * @return {@code [rows, Hq·D]} the new attn
     */
    public static float[] apply(float[] qGate, float[] attn, int rows, AttentionDims heads) {
        int width = heads.queryWidth();
        return SigmoidMulReference.apply(QueryGateLayout.gates(qGate, rows, heads), attn, rows, width, width);
    }
}

package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Reference of {@code conv_pack_gdn.cu} (fusion {@code conv_pack_gdn}): the conv update of {@link
 * CausalConv1dUpdateReference} written head by head straight into q, k, v, plus the z, b, a copies
 * of {@link GdnSplitReference}. Walks the outputs rather than the channels, so that comparing it
 * with conv-then-split checks both layouts.
 */
public final class ConvPackGdnReference {
    private ConvPackGdnReference() {}

    /**
     * @param packed q, k, v after conv + SiLU (bf16 values) and z, b, a copied
     * @param state the new conv state {@code [tokens, convDim, W-1]}
     */
    public record Result(GdnPacked packed, float[] state) {}

    /** Arguments as {@link CausalConv1dUpdateReference#apply}; the inputs are not modified. */
    public static Result apply(
            float[] projection, float[] weight, float[] bias, float[] state, int tokens, LinearAttentionDims s) {
        CausalConv1dUpdateReference.checkConvInputs(projection, weight, bias, state, tokens, s);
        int hk = s.keyHeads();
        int hv = s.valueHeads();
        int dk = s.keyDim();
        int dv = s.valueDim();
        GdnPacked out = new GdnPacked(
                new float[tokens * s.qkDim()],
                new float[tokens * s.qkDim()],
                new float[tokens * s.vDim()],
                new float[tokens * s.vDim()],
                new float[tokens * hv],
                new float[tokens * hv]);
        float[] next = new float[state.length];
        for (int t = 0; t < tokens; t++) {
            int row = t * s.projectionDim();
            for (int head = 0; head < hk; head++) {
                for (int d = 0; d < dk; d++) {
                    int qChannel = head * dk + d;
                    int kChannel = s.qkDim() + head * dk + d;
                    out.q()[t * s.qkDim() + head * dk + d] =
                            CausalConv1dUpdateReference.convolve(projection, weight, bias, state, t, qChannel, s);
                    out.k()[t * s.qkDim() + head * dk + d] =
                            CausalConv1dUpdateReference.convolve(projection, weight, bias, state, t, kChannel, s);
                }
            }
            for (int head = 0; head < hv; head++) {
                for (int d = 0; d < dv; d++) {
                    int vChannel = 2 * s.qkDim() + head * dv + d;
                    int at = t * s.vDim() + head * dv + d;
                    out.v()[at] = CausalConv1dUpdateReference.convolve(projection, weight, bias, state, t, vChannel, s);
                    out.z()[at] = projection[row + s.convDim() + head * dv + d];
                }
                out.b()[t * hv + head] = projection[row + s.convDim() + s.vDim() + head];
                out.a()[t * hv + head] = projection[row + s.convDim() + s.vDim() + hv + head];
            }
            for (int ch = 0; ch < s.convDim(); ch++) {
                CausalConv1dUpdateReference.shift(projection, state, next, t, ch, s);
            }
        }
        return new Result(out, next);
    }
}

package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * The contiguous inputs of the gated delta rule that {@code gdn_split} and {@code conv_pack_gdn}
 * write, each row-major with one row per token. The arrays themselves, not copies.
 *
 * @param q {@code [tokens, Hk·Dk]} after the conv
 * @param k {@code [tokens, Hk·Dk]} after the conv
 * @param v {@code [tokens, Hv·Dv]} after the conv
 * @param z {@code [tokens, Hv·Dv]} the output gate, copied from the projection
 * @param b {@code [tokens, Hv]} beta input, copied
 * @param a {@code [tokens, Hv]} decay input, copied
 */
public record GdnPacked(float[] q, float[] k, float[] v, float[] z, float[] b, float[] a) {
    /** Checks every length against {@code tokens} and {@code s}. */
    void check(int tokens, LinearAttentionDims s) {
        String qk = Args.dims("tokens", tokens, "Hk*Dk", s.qkDim());
        String vz = Args.dims("tokens", tokens, "Hv*Dv", s.vDim());
        String ba = Args.dims("tokens", tokens, "Hv", s.valueHeads());
        Args.length("q", q, (long) tokens * s.qkDim(), qk);
        Args.length("k", k, (long) tokens * s.qkDim(), qk);
        Args.length("v", v, (long) tokens * s.vDim(), vz);
        Args.length("z", z, (long) tokens * s.vDim(), vz);
        Args.length("b", b, (long) tokens * s.valueHeads(), ba);
        Args.length("a", a, (long) tokens * s.valueHeads(), ba);
    }
}

package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Reference of {@code gdn_split.cu}: q, k, v out of the conv output and z, b, a out of the projection
 * rows, each contiguous. Pure copies.
 */
public final class GdnSplitReference {
    private GdnSplitReference() {}

    /**
     * @param y {@code [tokens, convDim]} conv output, q|k|v
     * @param projection {@code [tokens, projectionDim]}, q|k|v|z|b|a
     * @return fresh q, k, v (from y) and z, b, a (from the projection)
     */
    public static GdnPacked apply(float[] y, float[] projection, int tokens, LinearAttentionDims s) {
        Args.positive("tokens", tokens);
        Args.length("y", y, (long) tokens * s.convDim(), Args.dims("tokens", tokens, "convDim", s.convDim()));
        Args.length(
                "projection",
                projection,
                (long) tokens * s.projectionDim(),
                Args.dims("tokens", tokens, "projectionDim", s.projectionDim()));
        int qk = s.qkDim();
        int vd = s.vDim();
        int hv = s.valueHeads();
        GdnPacked out = new GdnPacked(
                new float[tokens * qk],
                new float[tokens * qk],
                new float[tokens * vd],
                new float[tokens * vd],
                new float[tokens * hv],
                new float[tokens * hv]);
        for (int t = 0; t < tokens; t++) {
            int yRow = t * s.convDim();
            int pRow = t * s.projectionDim() + s.convDim();
            System.arraycopy(y, yRow, out.q(), t * qk, qk);
            System.arraycopy(y, yRow + qk, out.k(), t * qk, qk);
            System.arraycopy(y, yRow + 2 * qk, out.v(), t * vd, vd);
            System.arraycopy(projection, pRow, out.z(), t * vd, vd);
            System.arraycopy(projection, pRow + vd, out.b(), t * hv, hv);
            System.arraycopy(projection, pRow + vd + hv, out.a(), t * hv, hv);
        }
        return out;
    }
}

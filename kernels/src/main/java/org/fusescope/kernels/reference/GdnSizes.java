package org.fusescope.kernels.reference;

/**
 * The gated-delta-net layer sizes the references need (the same numbers as {@code
 * ops.LinearAttentionDims}, which this package cannot depend on: {@code ops} depends on it).
 *
 * @param keyHeads Hk
 * @param valueHeads Hv, a multiple of Hk (value head h reads key head {@code h / (Hv / Hk)})
 * @param keyDim Dk
 * @param valueDim Dv
 * @param convKernel conv width W (the conv state keeps W - 1 columns)
 */
public record GdnSizes(int keyHeads, int valueHeads, int keyDim, int valueDim, int convKernel) {
    public GdnSizes {
        Shapes.positive("keyHeads", keyHeads);
        Shapes.positive("valueHeads", valueHeads);
        Shapes.positive("keyDim", keyDim);
        Shapes.positive("valueDim", valueDim);
        if (valueHeads % keyHeads != 0) {
            throw new IllegalArgumentException(
                    "valueHeads: expected a multiple of keyHeads (" + keyHeads + ") but was " + valueHeads);
        }
        if (convKernel < 2) {
            throw new IllegalArgumentException("convKernel: expected >= 2 but was " + convKernel);
        }
    }

    /** {@code Hk·Dk}: the width of q and of k. */
    public int qkDim() {
        return keyHeads * keyDim;
    }

    /** {@code Hv·Dv}: the width of v, z and o. */
    public int vDim() {
        return valueHeads * valueDim;
    }

    /** Conv channels, q|k|v: {@code 2·Hk·Dk + Hv·Dv}. */
    public int convDim() {
        return 2 * qkDim() + vDim();
    }

    /** Projection row, q|k|v|z|b|a: {@code 2·Hk·Dk + 2·Hv·Dv + 2·Hv}. */
    public int projectionDim() {
        return convDim() + vDim() + 2 * valueHeads;
    }

    /** Columns of the conv state per channel: W - 1. */
    public int stateCols() {
        return convKernel - 1;
    }
}

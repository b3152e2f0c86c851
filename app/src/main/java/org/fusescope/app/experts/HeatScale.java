package org.fusescope.app.experts;

/**
 * The colour scale of the layers × experts heat map: it spans the routed experts only, so that
 * the shared expert (in fused runs appended as expert E with one slot per token, far more than any
 * routed expert gets) does not wash the routed ones out. The shared column is drawn apart; its
 * cells above the scale are clipped to the top colour and marked. Immutable.
 *
 * @param max the largest mean count of a routed expert in any layer (the top of the scale), ≥ 0
 * @param routed the routed experts E: columns [0, E) of the map
 * @param shared true when the map has the shared expert as column E
 * @param sharedMax the shared expert's largest mean count, or 0 without one
 */
public record HeatScale(double max, int routed, boolean shared, double sharedMax) {
    /**
     * The scale of {@code means} (rows: layers, columns: experts) whose first {@code routed}
     * columns are the routed experts; a column after them is the shared expert.
     */
    public static HeatScale of(double[][] means, int routed) {
        double max = 0;
        double sharedMax = 0;
        boolean shared = false;
        for (double[] row : means) {
            for (int e = 0; e < row.length; e++) {
                if (e < routed) {
                    max = Math.max(max, row[e]);
                } else if (e == routed) {
                    shared = true;
                    sharedMax = Math.max(sharedMax, row[e]);
                }
            }
        }
        return new HeatScale(max, routed, shared, sharedMax);
    }

    /** Where {@code value} lies on the scale, 0..1 (values above it are clipped to 1). */
    public double position(double value) {
        return max <= 0 ? 0 : Math.min(1, Math.max(0, value / max));
    }

    /** True when {@code value} lies above the scale (drawn clipped, with a marker). */
    public boolean clipped(double value) {
        return value > max;
    }

    /** True when the shared expert lies above the scale somewhere. */
    public boolean sharedClipped() {
        return shared && clipped(sharedMax);
    }
}

package org.fusescope.app.timeline;

import org.fusescope.profiler.ops.OpFamily;

/**
 * Level-of-detail layout of a lane: items at least {@link #MIN_RECT_PX} wide become their own
 * rectangle; narrower ones mark the pixel column they fall in, neighbouring marked columns of one
 * colour merge into one rectangle, and once a column is marked the builder jumps (binary search) to
 * the first item of the next column. A frame so costs O(width · log n) rather than O(n), and at
 * most about one rectangle per pixel column. Stateless.
 */
public final class LodBuilder {
    /** Items narrower than this (px) are drawn per column rather than one by one. */
    public static final double MIN_RECT_PX = 2.0;
    /** Items at least this wide (px) carry a text label. */
    public static final double LABEL_PX = 40.0;
    /** How many items before a kernel are searched for the one it waited on (a chain of programmatic launches). */
    private static final int WAIT_LOOKBACK = 4;

    private LodBuilder() {}

    /** Fills {@code frame} with the lane's items in [startNs, startNs + width · nsPerPx]. */
    public static void build(Lane lane, double startNs, double nsPerPx, int width, LodFrame frame) {
        frame.clear();
        double endNs = startNs + width * nsPerPx;
        int n = lane.size();
        int i = lane.lowerBound(startNs - lane.maxDurationNs(), 0);
        int runKey = -1;
        int runFrom = 0;
        int runTo = 0;
        while (i < n && lane.starts()[i] <= endNs) {
            if (lane.ends()[i] < startNs) {
                i++;
                continue;
            }
            double x0 = Math.max(-1, (lane.starts()[i] - startNs) / nsPerPx);
            double x1 = Math.min(width + 1.0, (lane.ends()[i] - startNs) / nsPerPx);
            int key = lane.colors()[i];
            if (x1 - x0 >= MIN_RECT_PX) {
                double own = Math.min(x1, Math.max(x0, (drawnStartNs(lane, i) - startNs) / nsPerPx));
                if (own > x0) {
                    frame.add(Palette.WAIT, (float) x0, (float) (own - x0));
                    x0 = own;
                }
                frame.add(key, (float) x0, (float) (x1 - x0));
                if (x1 - x0 >= LABEL_PX) {
                    frame.label(i);
                }
                i++;
                continue;
            }
            int c0 = (int) Math.floor(x0);
            int c1 = (int) Math.floor(x1);
            if (key == runKey && c0 <= runTo + 1) {
                runTo = Math.max(runTo, c1);
            } else {
                flush(frame, runKey, runFrom, runTo);
                runKey = key;
                runFrom = c0;
                runTo = c1;
            }
            i = next(lane, i, startNs + (c1 + 1) * nsPerPx);
        }
        flush(frame, runKey, runFrom, runTo);
    }

    /**
     * Where item {@code i} of a kernel lane starts doing its own work: its start, or the end of an earlier kernel of
     * the lane it started under (it waited for that one: programmatic dependent launch). Other lanes: its start.
     */
    public static long drawnStartNs(Lane lane, int i) {
        long start = lane.starts()[i];
        if (lane.kind() != Lane.LaneKind.GPU || lane.refs()[i] < 0) {
            return start;
        }
        long busy = start;
        for (int j = Math.max(0, i - WAIT_LOOKBACK); j < i; j++) {
            if (lane.refs()[j] >= 0) {
                busy = Math.max(busy, lane.ends()[j]);
            }
        }
        return Math.min(busy, lane.ends()[i]);
    }

    // The first item starting in the next column, unless the last one starting in this column
    // reaches past it: that one must still be drawn.
    private static int next(Lane lane, int i, double nextColumnNs) {
        int j = lane.lowerBound(nextColumnNs, i + 1);
        if (j - 1 > i && lane.ends()[j - 1] >= nextColumnNs) {
            return j - 1;
        }
        return j;
    }

    private static void flush(LodFrame frame, int key, int from, int to) {
        if (key >= 0) {
            frame.add(key, from, to - from + 1f);
        }
    }

    /** A colour key for lanes that the caller builds; see {@link Palette}. */
    public static int key(OpFamily family, boolean fused) {
        return Palette.kernel(family, fused);
    }
}

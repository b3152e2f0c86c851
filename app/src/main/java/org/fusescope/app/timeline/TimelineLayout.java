package org.fusescope.app.timeline;

import java.util.List;

/**
 * Where rows sit in the timeline editor (pixels): the ruler on top, then one row per lane; row
 * headers take a fixed column on the left. Pure arithmetic; immutable.
 */
public final class TimelineLayout {
    /** Height of the time ruler (px). */
    public static final double RULER = 22;
    /** Width of the row headers (px). */
    public static final double HEADER = 130;

    private final double[] tops;
    private final double[] heights;

    /** Lays out the given lanes. */
    public TimelineLayout(List<Lane> lanes) {
        tops = new double[lanes.size()];
        heights = new double[lanes.size()];
        double y = RULER + 2;
        for (int i = 0; i < lanes.size(); i++) {
            heights[i] = switch (lanes.get(i).kind()) {
                case RANGE, GPU_RANGE -> 16;
                case CPU -> 18;
                case GPU -> 28;
            };
            tops[i] = y;
            y += heights[i] + 3;
        }
    }

    public double top(int lane) {
        return tops[lane];
    }

    public double height(int lane) {
        return heights[lane];
    }

    /** Total height of all rows (px). */
    public double totalHeight() {
        return tops.length == 0 ? RULER : tops[tops.length - 1] + heights[tops.length - 1] + 4;
    }

    /** The lane at height {@code y}, or -1. */
    public int laneAt(double y) {
        for (int i = 0; i < tops.length; i++) {
            if (y >= tops[i] && y < tops[i] + heights[i]) {
                return i;
            }
        }
        return -1;
    }
}

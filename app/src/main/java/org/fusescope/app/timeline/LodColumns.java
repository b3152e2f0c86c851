package org.fusescope.app.timeline;

import java.util.Arrays;

/**
 * What a lane shows in each pixel column of one frame: the colour key {@link TimelineCanvas} paints
 * last there (keys are painted in ascending order), or -1 where it paints nothing. A column counts
 * as painted when a rectangle overlaps it at all. Compares two pictures of a run (e.g. an overview
 * and its kernels) column by column. Stateless.
 */
public final class LodColumns {
    private LodColumns() {}

    /** The key shown in each of {@code width} columns of {@code lane} from {@code startNs} on. */
    public static int[] of(Lane lane, double startNs, double nsPerPx, int width) {
        LodFrame frame = new LodFrame();
        LodBuilder.build(lane, startNs, nsPerPx, width, frame);
        int[] shown = new int[width];
        Arrays.fill(shown, -1);
        for (int k = 0; k < Palette.SIZE; k++) {
            for (int i = 0; i < frame.count(k); i++) {
                int from = Math.max(0, (int) Math.floor(frame.x(k, i)));
                int to = Math.min(width, (int) Math.ceil(frame.x(k, i) + frame.w(k, i)));
                Arrays.fill(shown, Math.min(from, to), to, k);
            }
        }
        return shown;
    }

    /** Columns where {@code a} and {@code b} show the same key (or both nothing). */
    public static int same(int[] a, int[] b) {
        int n = 0;
        for (int c = 0; c < Math.min(a.length, b.length); c++) {
            n += a[c] == b[c] ? 1 : 0;
        }
        return n;
    }

    /** Columns where both or neither of {@code a} and {@code b} show something, whatever its key. */
    public static int sameCoverage(int[] a, int[] b) {
        int n = 0;
        for (int c = 0; c < Math.min(a.length, b.length); c++) {
            n += (a[c] >= 0) == (b[c] >= 0) ? 1 : 0;
        }
        return n;
    }
}

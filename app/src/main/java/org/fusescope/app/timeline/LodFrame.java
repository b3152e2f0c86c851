package org.fusescope.app.timeline;

import java.util.Arrays;

/**
 * The rectangles of one lane for one frame, bucketed by colour key so that the canvas sets each
 * fill once per lane rather than once per rectangle (per-rectangle {@code setFill} grows the
 * canvas command buffer quadratically). Reused from frame to frame; not thread-safe.
 */
public final class LodFrame {
    private final float[][] xs = new float[Palette.SIZE][16];
    private final float[][] ws = new float[Palette.SIZE][16];
    private final int[] counts = new int[Palette.SIZE];
    private int[] labelled = new int[16];
    private int labels;

    /** Empties every bucket. */
    public void clear() {
        Arrays.fill(counts, 0);
        labels = 0;
    }

    /** Adds a rectangle [x, x + w) in pixels with colour key {@code key}. */
    public void add(int key, float x, float w) {
        int n = counts[key];
        if (n == xs[key].length) {
            xs[key] = Arrays.copyOf(xs[key], n * 2);
            ws[key] = Arrays.copyOf(ws[key], n * 2);
        }
        xs[key][n] = x;
        ws[key][n] = w;
        counts[key] = n + 1;
    }

    /** Remembers a lane item wide enough to carry its label. */
    public void label(int index) {
        if (labels == labelled.length) {
            labelled = Arrays.copyOf(labelled, labels * 2);
        }
        labelled[labels++] = index;
    }

    public int count(int key) {
        return counts[key];
    }

    public float x(int key, int i) {
        return xs[key][i];
    }

    public float w(int key, int i) {
        return ws[key][i];
    }

    /** Rectangles over all keys: what one frame of this lane costs in fill calls. */
    public int total() {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    public int labels() {
        return labels;
    }

    /** The lane index of the {@code i}-th labelled item. */
    public int labelled(int i) {
        return labelled[i];
    }
}

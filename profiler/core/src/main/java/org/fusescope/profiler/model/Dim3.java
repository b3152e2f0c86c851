package org.fusescope.profiler.model;

/** A CUDA grid or block shape. */
public record Dim3(int x, int y, int z) {
    public Dim3 {
        if (x < 0 || y < 0 || z < 0) {
            throw new IllegalArgumentException("negative dimension: " + x + "," + y + "," + z);
        }
    }

    public static Dim3 of(int x) {
        return new Dim3(x, 1, 1);
    }

    /** Threads (or blocks) in total. */
    public long volume() {
        return (long) x * y * z;
    }

    @Override
    public String toString() {
        return "(" + x + "," + y + "," + z + ")";
    }
}

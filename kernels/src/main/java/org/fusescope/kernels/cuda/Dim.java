package org.fusescope.kernels.cuda;

/**
 * A grid or block size of a launch, in blocks or threads per axis; every axis at least 1.
 *
 * @param x the fastest-varying axis
 * @param y the middle axis
 * @param z the slowest axis
 */
public record Dim(int x, int y, int z) {
    /** @throws IllegalArgumentException for an axis below 1 */
    public Dim {
        if (x < 1 || y < 1 || z < 1) {
            throw new IllegalArgumentException(
                    "every axis of a launch dimension must be >= 1: (" + x + ", " + y + ", " + z + ")");
        }
    }

    /** {@code (x, 1, 1)}. */
    public static Dim of(int x) {
        return new Dim(x, 1, 1);
    }

    /** {@code (x, y, 1)}. */
    public static Dim of(int x, int y) {
        return new Dim(x, y, 1);
    }

    /** {@code x * y * z}. */
    public long count() {
        return (long) x * y * z;
    }

    /** Enough blocks of {@code blockSize} to cover {@code n} items: {@code ceil(n / blockSize)}. */
    public static Dim cover(long n, int blockSize) {
        if (n < 1 || blockSize < 1) {
            throw new IllegalArgumentException("cover(" + n + ", " + blockSize + "): both must be >= 1");
        }
        return of(Math.toIntExact((n + blockSize - 1) / blockSize));
    }
}

package org.fusescope.profiler.analysis;

/**
 * Sums of durations and byte counts that stay meaningful on damaged input: a long sum that would overflow
 * stops at {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE}) instead of wrapping to a negative total.
 * Stateless.
 */
public final class Sums {
    private Sums() {}

    /** {@code a + b}, saturating at the long range. */
    public static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }

    /** {@code a - b}, saturating at the long range. */
    public static long subtract(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a >= 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return r;
    }
}

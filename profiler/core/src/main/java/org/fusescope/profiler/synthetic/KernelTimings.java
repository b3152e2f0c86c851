package org.fusescope.profiler.synthetic;

import java.util.SplittableRandom;

/**
 * Seeded durations on an H100 80GB HBM3 (measured copy bandwidth 3.011 TB/s, see
 * {@code docs/performance.md}): a kernel takes its op's floor plus its bytes at the op's sustained
 * bandwidth, times a few percent of jitter. CPU-side costs (driver calls, range pushes) likewise.
 * Not thread-safe: one per generated run.
 */
final class KernelTimings {
    private static final double JITTER_SIGMA = 0.025;
    private static final long MEMSET_NS = 1_100;
    private static final long MEMCPY_DTOH_FLOOR_NS = 1_500;
    private static final double PCIE_BYTES_PER_NS = 25.0;

    private final SplittableRandom rng;

    KernelTimings(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** Duration (ns) of a kernel of {@code op} that moves {@code bytes}. */
    long kernelNs(SyntheticKernel op, long bytes) {
        return jitter(op.floorNs() + bytes / op.bytesPerNs());
    }

    /** Duration (ns) of the memset of the expert counters. */
    long memsetNs() {
        return jitter(MEMSET_NS);
    }

    /** Duration (ns) of a device-to-host copy of {@code bytes} into pinned memory. */
    long memcpyDtoHNs(long bytes) {
        return jitter(MEMCPY_DTOH_FLOOR_NS + bytes / PCIE_BYTES_PER_NS);
    }

    /** One {@code cuLaunchKernel} through JCuda: 4–8 µs. */
    long launchNs() {
        return between(4_000, 8_000);
    }

    /** One {@code cuGraphLaunch} of a graph with {@code nodes} nodes. */
    long graphLaunchNs(int nodes) {
        return jitter(6_000 + 4.0 * nodes);
    }

    /** The idle time between back-to-back kernels of a graph (~1 µs). */
    long graphGapNs() {
        return between(800, 1_200);
    }

    /** A uniform CPU or GPU delay in [lo, hi] ns. */
    long between(long lo, long hi) {
        return lo + rng.nextLong(hi - lo + 1);
    }

    /** A factor near 1 for small numeric deviations, e.g. of a relative error. */
    double factor(double sigma) {
        return Math.exp(sigma * rng.nextGaussian());
    }

    private long jitter(double ns) {
        double f = 1.0 + JITTER_SIGMA * rng.nextGaussian();
        f = Math.max(0.92, Math.min(1.12, f));
        return Math.max(1, Math.round(ns * f));
    }
}

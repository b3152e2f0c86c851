package org.fusescope.profiler.analysis;

/**
 * One kernel name on the roofline, over its attributed instances. Immutable.
 *
 * @param totalNs summed duration of the attributed instances (ns)
 * @param bytes summed bytes moved
 * @param flops summed floating-point operations
 * @param arithmeticIntensity flops / bytes (FLOP/byte); NaN when no byte is moved
 * @param achievedBytesPerSec bytes / duration (bytes/s); NaN for zero duration
 * @param achievedFlopsPerSec flops / duration (FLOP/s); NaN for zero duration
 * @param timeShare this name's share of the summed duration of all kernels of the run (0..1)
 * @param measuredBytes DRAM bytes Nsight Compute measured, per measured instance on average times the
 *     instances (comparable with {@code bytes}); NaN when none of its instances was measured
 */
public record RooflinePoint(
        String name,
        int instances,
        long totalNs,
        long bytes,
        long flops,
        double arithmeticIntensity,
        double achievedBytesPerSec,
        double achievedFlopsPerSec,
        double timeShare,
        double measuredBytes) {
    /** flops / measured bytes (FLOP/byte); NaN when unmeasured. */
    public double measuredIntensity() {
        return measuredBytes > 0 ? flops / measuredBytes : Double.NaN;
    }
}

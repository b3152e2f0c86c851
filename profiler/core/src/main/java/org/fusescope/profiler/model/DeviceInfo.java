package org.fusescope.profiler.model;

/**
 * A GPU as it was when the run was recorded.
 *
 * @param memoryBandwidthBytesPerSec the theoretical HBM bandwidth the driver reports (bytes/s)
 * @param clockRateHz the SM clock (Hz)
 * @param measuredBandwidthBytesPerSec the device-to-device copy bandwidth measured before the runs
 *     (bytes read + written per second), or NaN when not measured
 * @param peakFlopsPerSec the peak dense bf16 FLOP/s used for the roofline, or NaN when unknown
 */
public record DeviceInfo(
        int id,
        String name,
        int smCount,
        long totalMemoryBytes,
        long memoryBandwidthBytesPerSec,
        long clockRateHz,
        int computeMajor,
        int computeMinor,
        long l2CacheBytes,
        double measuredBandwidthBytesPerSec,
        double peakFlopsPerSec) {
    public DeviceInfo {
        if (name == null || name.isBlank()) {
            name = "GPU " + id;
        }
    }

    /** True when the copy bandwidth was measured. */
    public boolean hasMeasuredBandwidth() {
        return !Double.isNaN(measuredBandwidthBytesPerSec) && measuredBandwidthBytesPerSec > 0;
    }

    /** The bandwidth to compare kernels against: measured when known, else the theoretical one. */
    public double referenceBandwidthBytesPerSec() {
        return hasMeasuredBandwidth() ? measuredBandwidthBytesPerSec : memoryBandwidthBytesPerSec;
    }

    /** The same device with measured bandwidth and peak compute. */
    public DeviceInfo withMeasured(double bandwidthBytesPerSec, double flopsPerSec) {
        return new DeviceInfo(
                id,
                name,
                smCount,
                totalMemoryBytes,
                memoryBandwidthBytesPerSec,
                clockRateHz,
                computeMajor,
                computeMinor,
                l2CacheBytes,
                bandwidthBytesPerSec,
                flopsPerSec);
    }
}

package org.fusescope.kernels.cuda;

/**
 * What the driver reports about one device.
 *
 * @param name the marketing name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param multiprocessorCount the number of SMs
 * @param computeMajor compute capability major (9 for Hopper)
 * @param computeMinor compute capability minor
 * @param totalMemoryBytes global memory, bytes
 * @param l2CacheBytes L2 cache, bytes
 * @param clockKHz peak SM clock, kHz
 * @param memoryClockKHz peak memory clock, kHz
 * @param memoryBusWidthBits memory bus width, bits
 */
public record DeviceProperties(
        String name,
        int multiprocessorCount,
        int computeMajor,
        int computeMinor,
        long totalMemoryBytes,
        long l2CacheBytes,
        long clockKHz,
        long memoryClockKHz,
        int memoryBusWidthBits) {

    /** {@code major * 10 + minor}, e.g. 90 for sm_90. */
    public int smArchitecture() {
        return computeMajor * 10 + computeMinor;
    }

    /**
     * The theoretical DRAM bandwidth in bytes/s: two transfers per memory clock (double data rate, as
     * CUDA's {@code bandwidthTest} and the deviceQuery sample compute it) times the bus width in bytes.
     * An H100 SXM (2619 MHz, 5120 bits) gives about 3.35e12.
     */
    public double theoreticalBandwidthBytesPerSecond() {
        return 2.0 * memoryClockKHz * 1000.0 * (memoryBusWidthBits / 8.0);
    }
}

package org.fusescope.profiler.synthetic;

import org.fusescope.profiler.model.DeviceInfo;

/** The GPU the synthetic runs pretend to run on. */
public final class SyntheticDevice {
    private SyntheticDevice() {}

    /**
     * An NVIDIA H100 80GB HBM3 as device 0: 132 SMs, 80 GiB, 3.35 TB/s theoretical and 3.011e12 B/s
     * measured copy bandwidth, 989e12 FLOP/s dense bf16, 50 MiB L2, compute capability 9.0, 1.98 GHz.
     * Returns an immutable record; thread-safe.
     */
    public static DeviceInfo h100() {
        return new DeviceInfo(
                0,
                "NVIDIA H100 80GB HBM3",
                132,
                80L << 30,
                3_350_000_000_000L,
                1_980_000_000L,
                9,
                0,
                50L << 20,
                3.011e12,
                989e12);
    }
}

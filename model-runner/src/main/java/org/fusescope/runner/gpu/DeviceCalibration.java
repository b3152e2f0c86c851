package org.fusescope.runner.gpu;

import org.fusescope.kernels.bench.CopyBandwidth;
import org.fusescope.kernels.bench.CopyKernel;
import org.fusescope.kernels.bench.GraphTimer;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceProperties;
import org.fusescope.profiler.model.DeviceInfo;

/**
 * The device as a trace records it: its properties, the copy bandwidth measured before the runs
 * (the faster of a copy kernel and the copy engine on 512 MiB, bytes read + written) and the peak
 * dense bf16 tensor FLOP/s of its architecture at the peak clock. Stateless.
 */
final class DeviceCalibration {
    private static final long COPY_BYTES = 512L << 20;

    private DeviceCalibration() {}

    static DeviceInfo measure(CudaContext context, CudaStream stream) {
        DeviceProperties p = context.properties();
        GraphTimer timer = new GraphTimer(stream, 5, 11);
        double copy;
        try (CopyKernel kernel = new CopyKernel(context)) {
            copy = Math.max(
                    CopyBandwidth.copyEngine(stream, COPY_BYTES, timer),
                    CopyBandwidth.copyKernel(kernel, stream, COPY_BYTES, timer));
        }
        return new DeviceInfo(
                context.ordinal(),
                p.name(),
                p.multiprocessorCount(),
                p.totalMemoryBytes(),
                (long) p.theoreticalBandwidthBytesPerSecond(),
                p.clockKHz() * 1000,
                p.computeMajor(),
                p.computeMinor(),
                p.l2CacheBytes(),
                copy,
                peakBf16Flops(p));
    }

    /** Dense bf16 tensor-core FLOP/s: SMs × clock × FLOPs per SM per clock of the architecture. */
    static double peakBf16Flops(DeviceProperties p) {
        int perSmPerClock =
                switch (p.smArchitecture()) {
                    case 80 -> 2048; // A100: 312 TFLOP/s at 1.41 GHz, 108 SMs
                    case 86, 87, 89 -> 512; // GeForce / L-series Ampere and Ada
                    case 90 -> 4096; // H100 / H200: 989 TFLOP/s at 1.83 GHz, 132 SMs
                    case 100, 103 -> 8192; // B200 / B300
                    default -> 0;
                };
        return perSmPerClock == 0 ? Double.NaN : (double) p.multiprocessorCount() * p.clockKHz() * 1000 * perSmPerClock;
    }
}

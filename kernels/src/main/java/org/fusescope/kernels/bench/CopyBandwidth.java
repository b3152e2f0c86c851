package org.fusescope.kernels.bench;

import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/**
 * The device's measured copy bandwidth: a device-to-device copy of {@code bytes}, by the copy
 * engine or by a copy kernel, timed in a graph, counting bytes read plus bytes written (the
 * convention of docs/performance.md). Not thread-safe.
 */
public final class CopyBandwidth {
    private CopyBandwidth() {}

    /** Bytes per second (read + written) of the copy engine (cuMemcpyDtoDAsync) copying {@code bytes}. */
    public static double copyEngine(CudaStream stream, long bytes, GraphTimer timer) {
        try (DeviceBuffer src = DeviceBuffer.allocate("copy source", DType.I32, bytes / 4);
                DeviceBuffer dst = DeviceBuffer.allocate("copy destination", DType.I32, bytes / 4)) {
            src.fill((byte) 1);
            Timing t = timer.time(1, copy -> dst.copyFromAsync(src, stream));
            return 2.0 * src.bytes() / (t.medianNs() * 1e-9);
        }
    }

    /** Bytes per second (read + written) of a streaming copy kernel copying {@code bytes}. */
    public static double copyKernel(CopyKernel kernel, CudaStream stream, long bytes, GraphTimer timer) {
        try (DeviceBuffer src = DeviceBuffer.allocate("copy source", DType.I32, bytes / 4);
                DeviceBuffer dst = DeviceBuffer.allocate("copy destination", DType.I32, bytes / 4)) {
            src.fill((byte) 1);
            Timing t = timer.time(1, copy -> kernel.launch(stream, src, dst));
            return 2.0 * src.bytes() / (t.medianNs() * 1e-9);
        }
    }
}

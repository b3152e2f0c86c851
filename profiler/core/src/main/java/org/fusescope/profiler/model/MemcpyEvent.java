package org.fusescope.profiler.model;

/** One memory copy on the GPU. Times in ns on the CUPTI clock; {@code bytes} copied. */
public record MemcpyEvent(
        long startNs,
        long endNs,
        int deviceId,
        int contextId,
        int streamId,
        long correlationId,
        long bytes,
        MemcpyKind copyKind,
        MemoryKind srcKind,
        MemoryKind dstKind) {
    public MemcpyEvent {
        if (endNs < startNs || bytes < 0) {
            throw new IllegalArgumentException("bad memcpy at " + startNs + ": end " + endNs + ", bytes " + bytes);
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }
}

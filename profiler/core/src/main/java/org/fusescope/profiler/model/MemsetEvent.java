package org.fusescope.profiler.model;

/** One memory set on the GPU. Times in ns on the CUPTI clock; {@code bytes} set to {@code value}. */
public record MemsetEvent(
        long startNs,
        long endNs,
        int deviceId,
        int contextId,
        int streamId,
        long correlationId,
        int value,
        long bytes,
        MemoryKind memKind) {
    public MemsetEvent {
        if (endNs < startNs || bytes < 0) {
            throw new IllegalArgumentException("bad memset at " + startNs + ": end " + endNs + ", bytes " + bytes);
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }
}

package org.fusescope.profiler.model;

/**
 * One synchronization (the CPU waiting for the GPU). Times in ns on the CUPTI clock.
 *
 * @param streamId the stream waited on, or -1 for a context-wide synchronization
 * @param eventId the CUDA event waited on, or -1
 */
public record SyncEvent(
        long startNs,
        long endNs,
        int deviceId,
        int contextId,
        int streamId,
        long correlationId,
        SyncType syncType,
        long eventId) {
    public SyncEvent {
        if (endNs < startNs) {
            throw new IllegalArgumentException("synchronization ends before it starts at " + startNs);
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }
}

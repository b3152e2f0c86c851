package org.fusescope.profiler.model;

/**
 * One kernel execution on the GPU, as CUPTI records it. Times are nanoseconds on the CUPTI clock.
 *
 * @param correlationId the id shared with the API call that launched it (for kernels inside a CUDA
 *     graph: the graph launch)
 * @param name the short (base) name, e.g. {@code rmsnorm_kernel}
 * @param demangledName the full name with template arguments (same as {@code name} for C linkage)
 * @param graphNodeId the CUDA graph node this kernel ran as, or 0 when launched outside a graph
 * @param attribution what the kernel did in the decode step, or null when unknown (foreign traces)
 */
public record KernelEvent(
        long startNs,
        long endNs,
        int deviceId,
        int contextId,
        int streamId,
        long correlationId,
        String name,
        String demangledName,
        Dim3 grid,
        Dim3 block,
        int registersPerThread,
        int staticSharedMemory,
        int dynamicSharedMemory,
        long localMemoryTotal,
        long graphNodeId,
        KernelAttribution attribution) {
    public KernelEvent {
        if (endNs < startNs) {
            throw new IllegalArgumentException("kernel " + name + " ends before it starts: " + startNs + " > " + endNs);
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("kernel without a name at " + startNs);
        }
        if (demangledName == null || demangledName.isEmpty()) {
            demangledName = name;
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }

    public boolean hasAttribution() {
        return attribution != null;
    }

    /** The same kernel with another attribution. */
    public KernelEvent withAttribution(KernelAttribution newAttribution) {
        return new KernelEvent(
                startNs,
                endNs,
                deviceId,
                contextId,
                streamId,
                correlationId,
                name,
                demangledName,
                grid,
                block,
                registersPerThread,
                staticSharedMemory,
                dynamicSharedMemory,
                localMemoryTotal,
                graphNodeId,
                newAttribution);
    }
}

package org.fusescope.profiler.model;

/**
 * One CUDA runtime or driver API call on a CPU thread. Times are nanoseconds on the CUPTI clock.
 *
 * @param globalTid the serialized thread id (process id in bits 24..47, thread id in bits 0..23)
 * @param correlationId the id shared with the GPU work this call launched (0 when it launched none)
 * @param name the API name, e.g. {@code cuLaunchKernel}
 */
public record ApiCall(
        long startNs, long endNs, long globalTid, long correlationId, String name, int returnValue, ApiKind kind) {
    public ApiCall {
        if (endNs < startNs) {
            throw new IllegalArgumentException("API call " + name + " ends before it starts");
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("API call without a name at " + startNs);
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }

    /** True for the calls that put kernels on the GPU (kernel and graph launches); see {@link #isLaunch(String)}. */
    public boolean isLaunch() {
        return isLaunch(name);
    }

    /**
     * True when an API call of this name puts kernels on the GPU: a kernel launch ({@code
     * cuLaunchKernel}, {@code cudaLaunchKernel_v7000}, …), a cooperative one, or a graph launch. The
     * one place that decides it, for API calls as objects and as columns.
     */
    public static boolean isLaunch(String apiName) {
        return apiName.contains("LaunchKernel")
                || apiName.contains("GraphLaunch")
                || apiName.contains("LaunchCooperative");
    }
}

package org.fusescope.profiler.synthetic;

import org.fusescope.profiler.model.NumericCheck;

/**
 * What the runner does after each step, outside the step's range: copy the expert counts of all
 * layers to pinned host memory ({@code cuMemcpyDtoHAsync}), wait for the stream
 * ({@code cuStreamSynchronize}, recorded as a stream sync), then check the output against the CPU
 * reference (synthetic relative errors near 3e-3 against a tolerance of 1e-2). Not thread-safe.
 */
final class ReadBack {
    static final double TOLERANCE = 1e-2;

    private final SyntheticSpec spec;
    private final KernelTimings time;
    private final TraceSink sink;
    private final long countBytes;

    ReadBack(SyntheticSpec spec, KernelTimings time, TraceSink sink) {
        this.spec = spec;
        this.time = time;
        this.sink = sink;
        int experts = spec.sharedExpertAppended() ? spec.experts() + 1 : spec.experts();
        this.countBytes = 4L * experts * spec.layers();
    }

    /**
     * Copies, synchronizes and checks after {@code step}.
     *
     * @param cpuNs when the CPU thread is free (ns)
     * @param gpuNs when the stream is free (ns)
     * @return when the CPU thread is free again (ns)
     */
    long after(int step, long cpuNs, long gpuNs) {
        long copyCorr = sink.newCorrelation();
        long apiEnd = sink.api(cpuNs, time.between(2_500, 4_000), copyCorr, "cuMemcpyDtoHAsync_v2");
        long copyStart = Math.max(gpuNs + time.between(300, 800), apiEnd + time.between(500, 1_000));
        long copyEnd = sink.memcpyDtoH(copyStart, time.memcpyDtoHNs(countBytes), copyCorr, countBytes);
        long syncStart = apiEnd + time.between(200, 400);
        long syncEnd = Math.max(syncStart + 800, copyEnd + time.between(500, 1_500));
        long syncCorr = sink.newCorrelation();
        sink.api(syncStart, syncEnd - syncStart, syncCorr, "cuStreamSynchronize");
        sink.streamSync(syncStart + 100, syncEnd - 100, syncCorr);
        check("moe_out " + spec.variant() + " vs cpu", step, 3e-3, 1.6e-2);
        if (spec.fused()) {
            check("moe_out fused vs unfused", step, 2e-3, 1.2e-2);
        }
        return syncEnd + time.between(2_000, 5_000);
    }

    private void check(String name, int step, double relNorm, double maxAbs) {
        sink.checks.add(
                new NumericCheck(name, -1, step, maxAbs * time.factor(0.2), relNorm * time.factor(0.15), TOLERANCE));
    }
}

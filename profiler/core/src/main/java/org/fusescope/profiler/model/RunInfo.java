package org.fusescope.profiler.model;

import java.util.List;

/**
 * One run of a recording: one variant of the decode step at one configuration, e.g. {@code
 * unfused b=64 graph}. Its events are those that start in [{@code startNs}, {@code endNs}].
 *
 * @param id the run's id in its recording (1, 2, ...)
 * @param name a short label, e.g. {@code fused b=64 graph}
 * @param variant {@code unfused}, {@code fused}, or a named set of switches; {@code nsys} for an
 *     imported Nsight Systems trace
 * @param fusions the fusion switches that were on, in a stable order
 * @param configJson the model configuration as JSON ({@code {}} when unknown)
 * @param batch tokens in the decode batch (M), or 0 when unknown
 * @param mode {@code eager} or {@code graph}, or empty when unknown
 * @param layers decoder layers in the step, or 0 when unknown
 * @param startNs start of the run's window on the CUPTI clock (ns)
 * @param endNs end of the run's window (ns), or {@code Long.MAX_VALUE} while it is unfinished
 * @param startEpochMs wall-clock start time (ms since the epoch)
 * @param host the machine that recorded it
 * @param status whether the run finished
 * @param synthetic true when the run was generated, not measured
 * @param deviceId the GPU it ran on
 */
public record RunInfo(
        long id,
        String name,
        String variant,
        List<String> fusions,
        String configJson,
        int batch,
        String mode,
        int layers,
        long startNs,
        long endNs,
        long startEpochMs,
        String host,
        RunStatus status,
        boolean synthetic,
        int deviceId) {
    public RunInfo {
        fusions = List.copyOf(fusions);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("run " + id + " has no name");
        }
        if (endNs < startNs) {
            throw new IllegalArgumentException("run " + name + " ends before it starts");
        }
        configJson = configJson == null || configJson.isBlank() ? "{}" : configJson;
        mode = mode == null ? "" : mode;
        host = host == null ? "" : host;
    }

    public boolean isComplete() {
        return status == RunStatus.COMPLETE;
    }

    /** True when {@code timeNs} lies in the run's window. */
    public boolean covers(long timeNs) {
        return timeNs >= startNs && timeNs <= endNs;
    }

    /** The same run with another end and status. */
    public RunInfo finished(long newEndNs, RunStatus newStatus) {
        return new RunInfo(
                id,
                name,
                variant,
                fusions,
                configJson,
                batch,
                mode,
                layers,
                startNs,
                newEndNs,
                startEpochMs,
                host,
                newStatus,
                synthetic,
                deviceId);
    }

    /** The same run with another id. */
    public RunInfo withId(long newId) {
        return new RunInfo(
                newId,
                name,
                variant,
                fusions,
                configJson,
                batch,
                mode,
                layers,
                startNs,
                endNs,
                startEpochMs,
                host,
                status,
                synthetic,
                deviceId);
    }
}

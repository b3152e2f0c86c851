package org.fusescope.profiler.model;

/**
 * The names of a run's rows in the database's metadata ({@code META_DATA_EXPORT}): {@code fusescope.run.ID.NAME}.
 * The runner writes them, analyses and the workbench read them; both sides name them here. Stateless.
 */
public final class RunMetadata {
    /** Median GPU time of a traced step, ns. */
    public static final String STEP_GPU_NS_TRACED = "stepGpuNsTraced";
    /** Median GPU time of a step timed with CUPTI paused, ns. */
    public static final String STEP_GPU_NS_UNTRACED = "stepGpuNsUntraced";
    /** Eager runs: median host time to enqueue one launch in a traced step, ns (CUPTI's API callbacks included). */
    public static final String HOST_NS_PER_LAUNCH_TRACED = "hostNsPerLaunchTraced";
    /** Eager runs: median host time to enqueue one launch in a step timed with CUPTI paused, ns. */
    public static final String HOST_NS_PER_LAUNCH_UNTRACED = "hostNsPerLaunchUntraced";
    /** Traced over untraced, minus one. */
    public static final String TRACING_OVERHEAD = "tracingOverhead";
    /**
     * Median GPU time of the same run's steps in a process without CUPTI (a child {@code run --trace none}, asked
     * for with {@code run --overhead-reference process}), ns.
     */
    public static final String STEP_GPU_NS_NO_CUPTI = "stepGpuNsNoCupti";
    /** Traced over the step without CUPTI, minus one. */
    public static final String TRACING_OVERHEAD_NO_CUPTI = "tracingOverheadNoCupti";
    /** The trace level the run was recorded at ({@code full}, {@code kernels}, {@code none}). */
    public static final String TRACE = "trace";
    /** How its steps were timed ({@code gated}, {@code direct}). */
    public static final String STEP_TIMING = "stepTiming";
    /** Whether the run had mixers ({@code all}) or MoE blocks only ({@code none}). */
    public static final String MIXERS = "mixers";
    /** Tokens each request already held. */
    public static final String CONTEXT = "context";
    /** Parts decode attention was split into. */
    public static final String ATTENTION_SPLITS = "attentionSplits";
    /** How the MoE weights were held, when layers shared them. */
    public static final String WEIGHTS = "weights";

    private RunMetadata() {}

    /** The metadata name of {@code name} for run {@code runId}, e.g. {@code fusescope.run.3.trace}. */
    public static String key(long runId, String name) {
        return "fusescope.run." + runId + "." + name;
    }
}

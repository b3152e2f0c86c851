package org.fusescope.profiler.analysis;

import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunMetadata;

/**
 * What tracing cost a recorded run: the median GPU time of a step traced and untraced (the runner times a
 * few steps with CUPTI paused, half before and half after the measured ones, at the same cadence), their
 * ratio, the trace level and how steps were timed, and for eager runs the host time to enqueue one launch
 * traced and untraced, and when the run was asked to time itself in a process without CUPTI too, that step
 * time and the overhead against it — read from the run's metadata ({@code
 * fusescope.run.N.*}). Runs without those keys (synthetic recordings, nsys exports) have none. Stateless.
 */
public final class TracingCost {
    public static final String TITLE = "Tracing cost";

    private TracingCost() {}

    /** The cost of {@code run}, or null when its recording does not say. */
    public static Row of(RunInfo run, Map<String, String> metadata) {
        double traced = number(metadata.get(RunMetadata.key(run.id(), RunMetadata.STEP_GPU_NS_TRACED)));
        double untraced = number(metadata.get(RunMetadata.key(run.id(), RunMetadata.STEP_GPU_NS_UNTRACED)));
        if (Double.isNaN(traced) && Double.isNaN(untraced)) {
            return null;
        }
        return new Row(
                run.name(),
                metadata.getOrDefault(RunMetadata.key(run.id(), RunMetadata.TRACE), "full"),
                metadata.getOrDefault(RunMetadata.key(run.id(), RunMetadata.STEP_TIMING), "direct"),
                traced,
                untraced,
                number(metadata.get(RunMetadata.key(run.id(), RunMetadata.HOST_NS_PER_LAUNCH_TRACED))),
                number(metadata.get(RunMetadata.key(run.id(), RunMetadata.HOST_NS_PER_LAUNCH_UNTRACED))),
                number(metadata.get(RunMetadata.key(run.id(), RunMetadata.STEP_GPU_NS_NO_CUPTI))));
    }

    /** One table of the given runs' costs (runs whose recording does not say are left out). */
    public static ResultTable table(List<Row> rows) {
        ResultTable.Builder b = ResultTable.builder(TITLE)
                .column(Column.text("Run"))
                .column(Column.text("Trace"))
                .column(Column.text("Step Timing"))
                .column(Column.durationNs("Traced Step"))
                .column(Column.durationNs("Untraced Step"))
                .column(Column.percent("Overhead"))
                .column(Column.durationNs("No-CUPTI Step"))
                .column(Column.percent("Overhead vs No CUPTI"))
                .column(Column.durationNs("Host / Launch Traced"))
                .column(Column.durationNs("Host / Launch Untraced"));
        for (Row r : rows) {
            if (r != null) {
                b.row(
                        r.run(),
                        r.trace(),
                        r.stepTiming(),
                        r.tracedNs(),
                        r.untracedNs(),
                        100 * r.overhead(),
                        r.noCuptiNs(),
                        100 * r.overheadVsNoCupti(),
                        r.hostNsPerLaunchTraced(),
                        r.hostNsPerLaunchUntraced());
            }
        }
        return b.build();
    }

    private static double number(String text) {
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * One run's cost.
     *
     * @param tracedNs median GPU time of a traced step (NaN when unknown)
     * @param untracedNs median GPU time of an untraced step (NaN when unknown)
     * @param hostNsPerLaunchTraced eager runs: median host time per launch in a traced step (NaN otherwise)
     * @param hostNsPerLaunchUntraced eager runs: the same with CUPTI paused (NaN otherwise)
     * @param noCuptiNs median GPU time of the run's step in a process without CUPTI (NaN when not measured)
     */
    public record Row(
            String run,
            String trace,
            String stepTiming,
            double tracedNs,
            double untracedNs,
            double hostNsPerLaunchTraced,
            double hostNsPerLaunchUntraced,
            double noCuptiNs) {
        /** Traced over untraced, minus one; NaN when either is unknown. */
        public double overhead() {
            return tracedNs / untracedNs - 1;
        }

        /** Traced over the step without CUPTI, minus one; NaN when either is unknown. */
        public double overheadVsNoCupti() {
            return tracedNs / noCuptiNs - 1;
        }
    }
}

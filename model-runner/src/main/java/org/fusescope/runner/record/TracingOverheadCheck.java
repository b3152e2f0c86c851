package org.fusescope.runner.record;

import java.util.List;
import java.util.Locale;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * Whether tracing cost a run's steps more than {@value #LIMIT_PERCENT} %: then the run gets a warning, because its
 * traced step times (and speed-ups read from them) carry the tracer's own cost, which is about the same for every
 * kernel and so weighs most on short steps of many kernels. Measured against the run's step in a process without
 * CUPTI when it has one, else against its steps with CUPTI paused (which can read low: a process with CUPTI
 * attached can be slower while paused). Stateless.
 */
public final class TracingOverheadCheck {
    /** The problem code. */
    public static final String CODE = "tracing-overhead";
    /** The overhead above which a run is warned about, in percent. */
    static final double LIMIT_PERCENT = 5.0;

    private TracingOverheadCheck() {}

    /** The warning for {@code outcome}, if its overhead is known and above the limit; none for untraced runs. */
    static List<Problem> problems(RunOutcome outcome, TraceLevel level) {
        if (level == TraceLevel.NONE) {
            return List.of();
        }
        boolean noCupti = !Double.isNaN(outcome.noCuptiStepNs());
        double overhead = noCupti ? outcome.overheadVsNoCupti() : outcome.overhead();
        if (Double.isNaN(overhead) || 100 * overhead <= LIMIT_PERCENT) {
            return List.of();
        }
        String message = String.format(
                Locale.ROOT,
                "tracing cost this run's steps %+.1f %% (%.1f µs traced against %.1f µs %s), more than %.0f %%:"
                        + " CUPTI times every kernel, so traced step times and the speed-ups read from them favour"
                        + " the run with fewer kernels; compare untraced step times (compare --section untraced)",
                100 * overhead,
                outcome.tracedStepNs() / 1e3,
                (noCupti ? outcome.noCuptiStepNs() : outcome.untracedStepNs()) / 1e3,
                noCupti ? "without CUPTI" : "with CUPTI paused",
                LIMIT_PERCENT);
        return List.of(new Problem(Severity.WARNING, CODE, message, -1, -1, -1));
    }
}

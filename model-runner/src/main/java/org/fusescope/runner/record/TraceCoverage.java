package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * Whether a run recorded what its trace level promised: a run never records nothing silently. Stateless.
 */
final class TraceCoverage {
    /** The problem code of a traced run that launched work but received no kernel record. */
    static final String NO_KERNEL_RECORDS = "no-kernel-records";
    /** The problem code of a run whose tracer fell back to recording no kernels. */
    static final String TRACE_UNAVAILABLE = "trace-unavailable";

    private TraceCoverage() {}

    /**
     * @param kernels kernel records the run received
     * @param launches launches and graph replays the run made
     */
    static List<Problem> problems(Tracer tracer, int kernels, int launches) {
        List<Problem> out = new ArrayList<>();
        tracer.notice().ifPresent(n -> out.add(new Problem(Severity.WARNING, TRACE_UNAVAILABLE, n, -1, -1, -1)));
        if (tracer.level() != TraceLevel.NONE && kernels == 0 && launches > 0) {
            out.add(new Problem(
                    Severity.ERROR,
                    NO_KERNEL_RECORDS,
                    "CUPTI delivered no kernel record for " + launches + " launches: another CUPTI client (e.g."
                            + " nsys profile) is taking the records; run with --trace none under nsys or ncu",
                    -1,
                    -1,
                    -1));
        }
        return out;
    }
}

package org.fusescope.runner.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * How a run's steps are timed and why, decided once per process from {@code --step-timing} and the environment.
 * A CUDA injection tool (Nsight Compute and Nsight Systems both load through {@value #INJECTION_VARIABLE}) may
 * serialize launches: ncu profiles each kernel inside its launch call, waiting for the device, while a gated
 * stream waits for the host to finish enqueuing the step, so a gated step under ncu never ends. {@link
 * StepTimingOption#AUTO} therefore times steps directly under such a tool, and under {@code --trace none} (the
 * level for running under a profiler: on the H100, Nsight Compute 2025.3.1 did not set {@value
 * #INJECTION_VARIABLE} in the process it profiled), and says so in one line; an explicit {@code gated} or {@code
 * direct} wins. Immutable.
 *
 * @param notice why the timing is not the plain one asked for (one line), or empty
 */
public record StepTimingChoice(StepTiming timing, Optional<String> notice) {
    /** The environment variable through which CUDA loads an injection tool (ncu, nsys). */
    public static final String INJECTION_VARIABLE = "CUDA_INJECTION64_PATH";

    /** The problem code of a run whose step timing was chosen because of an injected CUDA tool. */
    public static final String PROBLEM_CODE = "step-timing-injected-tool";

    /**
     * The timing {@code asked} means for a run traced at {@code trace} in a process with {@code environment} (e.g.
     * {@link System#getenv()}).
     */
    public static StepTimingChoice of(StepTimingOption asked, TraceLevel trace, Map<String, String> environment) {
        String tool = environment.getOrDefault(INJECTION_VARIABLE, "");
        boolean injected = !tool.isBlank();
        String seen = injected
                ? "a CUDA tool is injected (" + INJECTION_VARIABLE + "=" + tool + "): "
                : "--trace none (for a profiler that wraps the run; ncu sets no " + INJECTION_VARIABLE + "): ";
        boolean wrapped = injected || trace == TraceLevel.NONE;
        return switch (asked) {
            case DIRECT -> new StepTimingChoice(StepTiming.DIRECT, Optional.empty());
            case GATED -> new StepTimingChoice(
                    StepTiming.GATED,
                    injected
                            ? Optional.of(seen + "steps are timed gated as asked; a tool that serializes launches"
                                    + " (ncu) waits for the gate forever, use --step-timing auto or direct")
                            : Optional.empty());
            case AUTO -> wrapped
                    ? new StepTimingChoice(
                            StepTiming.DIRECT,
                            Optional.of(seen + "steps are timed direct, not gated, so that ncu can serialize"
                                    + " the launches (--step-timing gated times them gated)"))
                    : new StepTimingChoice(StepTiming.GATED, Optional.empty());
        };
    }

    /** The notice as a problem of a run (a warning: the step times are not those of a plain run), or none. */
    public List<Problem> problems() {
        return notice.map(n -> List.of(new Problem(Severity.WARNING, PROBLEM_CODE, n, -1, -1, -1)))
                .orElse(List.of());
    }
}

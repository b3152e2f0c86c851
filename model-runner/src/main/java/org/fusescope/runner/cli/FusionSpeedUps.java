package org.fusescope.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusescope.profiler.analysis.TracingCost;
import org.fusescope.profiler.analysis.UntracedSpeedUp;
import org.fusescope.runner.record.RunOutcome;

/**
 * The lines {@code fusescope run} ends with: each variant's speed-up over the unfused run of the same batch and
 * mode, from the untraced step times (no CUPTI when the run measured it, else CUPTI paused) beside the traced
 * one, so that what a fusion bought is read without the tracer's own cost. Stateless.
 */
final class FusionSpeedUps {
    static final String BASELINE = "unfused";

    private FusionSpeedUps() {}

    /** One line per run that has an unfused counterpart and untraced step times in common with it. */
    static List<String> lines(List<RunOutcome> outcomes) {
        Map<String, RunOutcome> byName =
                outcomes.stream().collect(Collectors.toMap(RunOutcome::name, Function.identity(), (a, b) -> a));
        List<String> out = new ArrayList<>();
        for (RunOutcome candidate : outcomes) {
            String name = candidate.name();
            int space = name.indexOf(' ');
            if (space < 0 || name.substring(0, space).equals(BASELINE)) {
                continue;
            }
            RunOutcome baseline = byName.get(BASELINE + name.substring(space));
            UntracedSpeedUp s = baseline == null ? null : UntracedSpeedUp.of(row(baseline), row(candidate));
            if (s != null) {
                out.add(name + " against " + baseline.name() + ": " + s.line());
            }
        }
        return out;
    }

    private static TracingCost.Row row(RunOutcome o) {
        return new TracingCost.Row(
                o.name(), "", "", o.tracedStepNs(), o.untracedStepNs(), Double.NaN, Double.NaN, o.noCuptiStepNs());
    }
}

package org.fusescope.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fusescope.profiler.analysis.StepSpans;
import org.fusescope.profiler.model.RunTrace;

/**
 * The decode steps both runs have, and where each starts in either run: the compare editor shows
 * time relative to the start of one step, so step N of both runs begins at the same x. Immutable.
 */
final class StepAxis {
    private final Map<Integer, StepSpans.Span> baseline = new TreeMap<>();
    private final Map<Integer, StepSpans.Span> candidate = new TreeMap<>();
    private final List<Integer> common = new ArrayList<>();

    StepAxis(RunTrace baselineTrace, RunTrace candidateTrace) {
        StepSpans.of(baselineTrace).forEach(s -> baseline.put(s.step(), s));
        StepSpans.of(candidateTrace).forEach(s -> candidate.put(s.step(), s));
        for (int step : baseline.keySet()) {
            if (candidate.containsKey(step)) {
                common.add(step);
            }
        }
    }

    /** The steps both runs have, ascending. */
    List<Integer> steps() {
        return List.copyOf(common);
    }

    /** Where {@code step} starts in the baseline (ns), or null when it has no such step. */
    StepSpans.Span baseline(int step) {
        return baseline.get(step);
    }

    /** Where {@code step} starts in the candidate (ns), or null when it has no such step. */
    StepSpans.Span candidate(int step) {
        return candidate.get(step);
    }
}

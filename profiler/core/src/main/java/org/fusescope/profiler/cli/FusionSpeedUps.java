package org.fusescope.profiler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.analysis.TracingCost;
import org.fusescope.profiler.analysis.UntracedSpeedUp;
import org.fusescope.profiler.model.RunInfo;

/**
 * The lines {@code fusescope run} ends with: each fused run's speed-up over the unfused run of the same batch,
 * mode and layers ({@link RunPairing}), from the untraced step times (no CUPTI when the run measured it, else
 * CUPTI paused) beside the traced one, so that what a fusion bought is read without the tracer's own cost.
 * Stateless.
 */
public final class FusionSpeedUps {
    private FusionSpeedUps() {}

    /** One line per pair of {@code runs} whose metadata has untraced step times for both. */
    public static List<String> lines(List<RunInfo> runs, Map<String, String> metadata) {
        List<String> out = new ArrayList<>();
        for (RunInfo[] pair : RunPairing.pairsIfAny(runs)) {
            UntracedSpeedUp s =
                    UntracedSpeedUp.of(TracingCost.of(pair[0], metadata), TracingCost.of(pair[1], metadata));
            if (s != null) {
                out.add(pair[1].name() + " against " + pair[0].name() + ": " + s.line());
            }
        }
        return out;
    }
}

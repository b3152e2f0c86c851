package org.fusescope.profiler.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class RangesTest {
    @Test
    void eagerLaunchesLieInStepLayerBlockAndOpRanges() {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, "fused", "eager"));
        for (KernelEvent k : trace.kernels()) {
            ApiCall launch = trace.apiCalls().stream()
                    .filter(a -> a.correlationId() == k.correlationId())
                    .findFirst()
                    .orElseThrow();
            assertThat(enclosing(trace, launch))
                    .containsExactly(
                            "step " + k.attribution().step(),
                            "layer " + k.attribution().layer(),
                            "moe",
                            k.attribution().op());
        }
        assertThat(trace.ranges()).filteredOn(r -> r.level() == RangeLevel.OP).hasSameSizeAs(trace.kernels());
    }

    @Test
    void graphModeHasOnlyStepRangesAroundTheGraphLaunch() {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, "unfused", "graph"));
        assertThat(trace.ranges()).extracting(RangeEvent::text).containsExactly("step 0", "step 1");
        assertThat(trace.ranges()).allMatch(r -> r.level() == RangeLevel.STEP);
        for (ApiCall launch :
                trace.apiCalls().stream().filter(ApiCall::isLaunch).toList()) {
            assertThat(enclosing(trace, launch)).hasSize(1);
        }
    }

    @Test
    void rangesNestWithoutCrossing() {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, "unfused", "eager"));
        List<RangeEvent> r = trace.ranges();
        for (int i = 0; i < r.size(); i++) {
            for (int j = i + 1; j < r.size() && r.get(j).startNs() < r.get(i).endNs(); j++) {
                assertThat(r.get(j).endNs())
                        .as(r.get(j).text() + " in " + r.get(i).text())
                        .isLessThan(r.get(i).endNs());
                assertThat(r.get(j).startNs()).isGreaterThan(r.get(i).startNs());
            }
        }
    }

    private static List<String> enclosing(RunTrace trace, ApiCall call) {
        return trace.ranges().stream()
                .filter(r -> r.startNs() < call.startNs() && r.endNs() > call.endNs())
                .map(RangeEvent::text)
                .toList();
    }
}

package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

/** Own time: a kernel's duration less its overlap with earlier kernels of its stream (values checked by hand). */
class OwnTimeTest {
    @Test
    void aProgrammaticLaunchsWaitOnItsStreamIsLeftOut() {
        RunTrace run = TraceFixture.trace()
                .kernel(0, 100, 7, 1, "gemm")
                .kernel(60, 130, 7, 2, "silu") // starts early, waits 40 ns for gemm
                .kernel(70, 120, 7, 3, "inside") // wholly inside the time already busy
                .kernel(200, 230, 7, 4, "after") // after a gap: all its own
                .kernel(50, 90, 8, 5, "other stream") // concurrency on another stream: kept
                .build();

        Map<KernelEvent, Long> own = OwnTime.of(run.kernels());

        assertThat(run.kernels().stream().collect(Collectors.toMap(KernelEvent::name, k -> OwnTime.get(own, k))))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("gemm", 100L, "silu", 30L, "inside", 0L, "after", 30L, "other stream", 40L));
        assertThat(run.kernels())
                .as("one kernel's wait is its duration less its own time")
                .allSatisfy(k ->
                        assertThat(OwnTime.waitNs(run.kernels(), k)).isEqualTo(k.durationNs() - OwnTime.get(own, k)));
        long stream7 = run.kernels().stream()
                .filter(k -> k.streamId() == 7)
                .mapToLong(k -> OwnTime.get(own, k))
                .sum();
        assertThat(stream7)
                .isEqualTo(Intervals.unionNs(
                        run.kernels().stream().filter(k -> k.streamId() == 7).toList()));
    }

    @Test
    void aKernelOutsideTheMapKeepsItsDuration() {
        KernelEvent k =
                TraceFixture.trace().kernel(10, 35, 7, 1, "k").build().kernels().get(0);
        assertThat(OwnTime.get(Map.of(), k)).isEqualTo(25);
    }

    @Test
    void groupAndLayerTypeTimesSumOwnTimes() {
        // one step of layer 0: gemm 0–100, then silu launched early at 60, done at 130 (40 ns of it a wait)
        RunTrace run = TraceFixture.trace()
                .kernel(0, 100, 7, 1, "gemm", attribution("grouped_gemm1", 0))
                .kernel(60, 130, 7, 2, "silu", attribution("silu_and_mul", 0))
                .build();
        IntFunction<String> oneType = l -> "moe";

        List<MetricComparison> layerTypes = LayerTypeTimes.compare(run, oneType, run, oneType);
        Map<String, GroupUsage> groups = GroupUsage.perStep(new StepIndex(run, new LaunchIndex(run)));

        assertThat(layerTypes.get(0).baseline()).isEqualTo(130.0);
        assertThat(groups.get("grouped_gemm1").stepNs()).containsExactly(100.0);
        assertThat(groups.get("silu_and_mul").stepNs()).containsExactly(30.0);
    }

    private static KernelAttribution attribution(String op, int step) {
        return new KernelAttribution(op, op, false, 0, step, 0, 0, 0);
    }
}

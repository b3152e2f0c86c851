package org.fusescope.profiler.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class SyntheticRecordingTest {
    @Test
    void runsHaveIdsNamesAndDisjointIncreasingWindows() {
        List<RunTrace> runs = SyntheticRecording.generate(
                SyntheticSpec.tiny(1, "unfused", "eager"),
                List.of(1, 16),
                List.of("unfused", "fused"),
                List.of("eager", "graph"));
        assertThat(runs).hasSize(8);
        assertThat(runs).extracting(r -> r.run().id()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(runs)
                .extracting(r -> r.run().name())
                .startsWith("unfused b=1 eager", "fused b=1 eager", "unfused b=1 graph");
        for (int i = 0; i < runs.size(); i++) {
            RunTrace t = runs.get(i);
            assertThat(t.run().startNs()).isEqualTo(firstEventNs(t));
            assertThat(t.run().endNs()).isEqualTo(lastEventNs(t));
            if (i > 0) {
                assertThat(t.run().startNs())
                        .isGreaterThan(runs.get(i - 1).run().endNs());
            }
        }
    }

    @Test
    void everyRunSaysItIsSynthetic() {
        RunInfo run = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(2, "fused", "graph"))
                .run();
        assertThat(run.synthetic()).isTrue();
        assertThat(run.host()).contains("synthetic").contains("not measured");
        assertThat(run.configJson()).contains("\"synthetic\":true");
        assertThat(run.fusions()).containsExactly("add_rmsnorm", "shared_as_expert", "router_gate", "moe_align_fused");
        assertThat(run.isComplete()).isTrue();
    }

    @Test
    void correlationIdsAreUniqueAcrossTheRunsOfARecording() {
        List<RunTrace> runs = SyntheticRecording.generate(
                SyntheticSpec.tiny(1, "unfused", "eager"), List.of(2), List.of("unfused", "fused"), List.of("eager"));
        long distinct = runs.stream()
                .flatMap(r -> r.apiCalls().stream())
                .mapToLong(a -> a.correlationId())
                .distinct()
                .count();
        assertThat(distinct)
                .isEqualTo(runs.stream().mapToLong(r -> r.apiCalls().size()).sum());
    }

    private static long firstEventNs(RunTrace t) {
        return Stream.of(
                        t.kernels().get(0).startNs(),
                        t.apiCalls().get(0).startNs(),
                        t.ranges().get(0).startNs())
                .min(Long::compare)
                .orElseThrow();
    }

    private static long lastEventNs(RunTrace t) {
        return Stream.of(
                        t.kernels().stream().mapToLong(k -> k.endNs()).max().orElseThrow(),
                        t.apiCalls().stream().mapToLong(a -> a.endNs()).max().orElseThrow(),
                        t.syncs().stream().mapToLong(s -> s.endNs()).max().orElseThrow(),
                        t.memcpys().stream().mapToLong(m -> m.endNs()).max().orElseThrow(),
                        t.ranges().stream().mapToLong(r -> r.endNs()).max().orElseThrow())
                .max(Long::compare)
                .orElseThrow();
    }
}

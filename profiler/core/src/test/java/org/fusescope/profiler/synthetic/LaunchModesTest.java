package org.fusescope.profiler.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class LaunchModesTest {
    @Test
    void eagerLaunchesEveryKernelOnceWithItsOwnCorrelationId() {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, "unfused", "eager"));
        List<ApiCall> launches = trace.apiCalls().stream()
                .filter(a -> a.name().equals("cuLaunchKernel"))
                .toList();
        assertThat(launches).hasSameSizeAs(trace.kernels());
        Map<Long, ApiCall> byCorrelation =
                launches.stream().collect(Collectors.toMap(ApiCall::correlationId, Function.identity()));
        assertThat(byCorrelation).hasSameSizeAs(launches);
        Set<Long> kernelIds = new HashSet<>();
        for (KernelEvent k : trace.kernels()) {
            ApiCall launch = byCorrelation.get(k.correlationId());
            assertThat(launch).as(k.name()).isNotNull();
            assertThat(launch.kind()).isEqualTo(ApiKind.DRIVER);
            assertThat(launch.durationNs()).isBetween(4_000L, 8_000L);
            assertThat(k.startNs()).isGreaterThan(launch.endNs());
            assertThat(k.graphNodeId()).isZero();
            assertThat(kernelIds.add(k.correlationId())).isTrue();
        }
        assertThat(trace.memsets()).hasSize(4);
        for (var m : trace.memsets()) {
            assertThat(trace.apiCalls())
                    .anyMatch(a ->
                            a.correlationId() == m.correlationId() && a.name().equals("cuMemsetD32Async"));
        }
    }

    @Test
    void graphModeLaunchesEachStepOnceAndItsKernelsShareTheLaunch() {
        SyntheticSpec spec = SyntheticSpec.tiny(4, "fused", "graph").withSize(3, 4);
        RunTrace trace = SyntheticTraceGenerator.generate(spec);
        List<ApiCall> launches =
                trace.apiCalls().stream().filter(ApiCall::isLaunch).toList();
        assertThat(launches).hasSize(4).allMatch(a -> a.name().equals("cuGraphLaunch"));
        Set<Long> firstStepNodes = null;
        for (int step = 0; step < 4; step++) {
            int s = step;
            List<KernelEvent> kernels = trace.kernels().stream()
                    .filter(k -> k.attribution().step() == s)
                    .toList();
            assertThat(kernels).hasSize(3 * 8);
            assertThat(kernels)
                    .extracting(KernelEvent::correlationId)
                    .containsOnly(launches.get(step).correlationId());
            Set<Long> nodes = kernels.stream().map(KernelEvent::graphNodeId).collect(Collectors.toSet());
            assertThat(nodes).hasSize(kernels.size()).doesNotContain(0L);
            if (firstStepNodes == null) {
                firstStepNodes = nodes;
            }
            assertThat(nodes).isEqualTo(firstStepNodes);
            assertThat(kernels.get(0).startNs())
                    .isGreaterThan(launches.get(step).endNs());
            for (int i = 1; i < kernels.size(); i++) {
                long gap = kernels.get(i).startNs() - kernels.get(i - 1).endNs();
                assertThat(gap).isBetween(800L, 1_200L);
            }
        }
    }

    @Test
    void eachStepEndsWithACountCopyAndAStreamSyncOutsideTheStepRange() {
        RunTrace trace = SyntheticTraceGenerator.generate(
                SyntheticSpec.tiny(4, "unfused", "graph").withSize(2, 3));
        assertThat(trace.memcpys()).hasSize(3);
        assertThat(trace.syncs()).hasSize(3);
        var steps = trace.ranges();
        for (int i = 0; i < 3; i++) {
            var copy = trace.memcpys().get(i);
            assertThat(copy.bytes()).isEqualTo(2L * 16 * 4);
            assertThat(copy.startNs()).isGreaterThan(steps.get(i).endNs());
            long lastKernelOfStep = trace.kernels().stream()
                    .filter(k -> k.startNs() < copy.startNs())
                    .mapToLong(KernelEvent::endNs)
                    .max()
                    .orElseThrow();
            assertThat(copy.startNs()).isGreaterThan(lastKernelOfStep);
            assertThat(trace.syncs().get(i).endNs()).isGreaterThanOrEqualTo(copy.endNs());
            if (i + 1 < 3) {
                assertThat(steps.get(i + 1).startNs())
                        .isGreaterThan(trace.syncs().get(i).endNs());
            }
        }
        assertThat(trace.checks()).hasSize(3).allMatch(c -> c.passed() && c.relNorm() > 1e-3);
    }
}

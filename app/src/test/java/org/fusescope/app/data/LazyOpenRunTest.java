package org.fusescope.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fusescope.app.Golden;
import org.fusescope.app.timeline.Lane;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

/**
 * A run opened from timeline columns draws its GPU rows (and the ranges on the GPU's time) first,
 * then the same lanes as one loaded in full, and loads its trace on demand.
 */
class LazyOpenRunTest {
    @Test
    void timelineFromColumnsEqualsTimelineFromTheFullTrace() {
        try (RecordingService service = new RecordingService()) {
            Recording r = service.open(Golden.file());
            for (var info : r.runs()) {
                OpenRun eager = service.load(r, info.id());
                OpenRun lazy = service.loadTimeline(r, info.id());
                assertThat(lazy.traceLoaded()).isFalse();
                // first the GPU rows and the ranges on the GPU's time (from the kernels alone), behind
                // "loading …" placeholders of the CPU and range rows
                TimelineData first = lazy.timeline();
                List<Lane> eagerGpu = eager.timeline().lanes().stream()
                        .filter(LazyOpenRunTest::onGpu)
                        .toList();
                List<Lane> firstGpu =
                        first.lanes().stream().filter(LazyOpenRunTest::onGpu).toList();
                assertThat(firstGpu).anyMatch(l -> l.kind() == Lane.LaneKind.GPU_RANGE);
                if (first.pending()) {
                    List<Lane> waiting =
                            first.lanes().stream().filter(l -> !onGpu(l)).toList();
                    assertThat(waiting).extracting(Lane::label).allMatch(l -> l.endsWith(TimelineData.LOADING));
                    assertThat(waiting).extracting(Lane::label).last().isEqualTo(TimelineData.CPU_LOADING);
                    assertThat(waiting).allMatch(l -> l.size() == 0);
                    assertThat(first.launchOfKernel(0)).isEqualTo(-1);
                }
                assertSameLanes(firstGpu, eagerGpu);
                // then every row, equal to the lanes built from the full read
                TimelineData all = lazy.fullTimeline().join();
                assertThat(all.pending()).isFalse();
                // the rows do not jump when the CPU and range rows arrive: the placeholders took their room
                TimelineLayout before = new TimelineLayout(first.lanes());
                TimelineLayout after = new TimelineLayout(all.lanes());
                assertThat(all.lanes()).as(info.name()).hasSameSizeAs(first.lanes());
                int gpu = all.lanes().size() - 1;
                assertThat(after.top(gpu)).as(info.name()).isEqualTo(before.top(gpu));
                assertThat(lazy.timeline()).isSameAs(all);
                assertSameLanes(all.lanes(), eager.timeline().lanes());
                assertThat(lazy.info().name()).isEqualTo(eager.trace().run().name());
                assertThat(lazy.timeline().kernelCount())
                        .isEqualTo(eager.trace().kernels().size());
                assertThat(lazy.timeline().startNs()).isEqualTo(eager.timeline().startNs());
                assertThat(lazy.timeline().endNs()).isEqualTo(eager.timeline().endNs());
                for (int k = 0; k < eager.trace().kernels().size(); k += 7) {
                    assertThat(lazy.timeline().launchOfKernel(k))
                            .isEqualTo(eager.timeline().launchOfKernel(k));
                }
                RunTrace t = lazy.trace();
                assertThat(lazy.traceLoaded()).isTrue();
                assertThat(t.kernels()).isEqualTo(eager.trace().kernels());
                assertThat(lazy.firstKernelNamed(t.kernels().get(0).name())).isZero();
            }
        }
    }

    private static boolean onGpu(Lane lane) {
        return lane.kind() == Lane.LaneKind.GPU || lane.kind() == Lane.LaneKind.GPU_RANGE;
    }

    @Test
    void firstOfTakesTheFirstSuccessAndFailsOnlyWhenBothFail() {
        CompletableFuture<String> a = new CompletableFuture<>();
        CompletableFuture<String> b = new CompletableFuture<>();
        CompletableFuture<String> first = OpenRun.firstOf(a, b);
        a.completeExceptionally(new IllegalStateException("own read failed"));
        assertThat(first).isNotDone();
        b.complete("from the columns");
        assertThat(first).isCompletedWithValue("from the columns");

        CompletableFuture<String> c = new CompletableFuture<>();
        CompletableFuture<String> d = new CompletableFuture<>();
        CompletableFuture<String> second = OpenRun.firstOf(c, d);
        d.complete("own read");
        c.complete("later");
        assertThat(second).isCompletedWithValue("own read");

        CompletableFuture<String> e = new CompletableFuture<>();
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture<String> both = OpenRun.firstOf(e, f);
        e.completeExceptionally(new IllegalStateException("one"));
        f.completeExceptionally(new IllegalStateException("two"));
        assertThat(both).isCompletedExceptionally();
    }

    private static void assertSameLanes(List<Lane> actual, List<Lane> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int l = 0; l < expected.size(); l++) {
            Lane a = expected.get(l);
            Lane b = actual.get(l);
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.kind()).isEqualTo(a.kind());
            assertThat(b.starts()).isEqualTo(a.starts());
            assertThat(b.ends()).isEqualTo(a.ends());
            assertThat(b.colors()).isEqualTo(a.colors());
            assertThat(b.refs()).isEqualTo(a.refs());
            assertThat(b.maxDurationNs()).isEqualTo(a.maxDurationNs());
        }
    }
}

package org.fusescope.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.Golden;
import org.fusescope.app.timeline.Lane;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

/** A run opened from timeline columns draws the same lanes as one loaded in full, and loads its trace on demand. */
class LazyOpenRunTest {
    @Test
    void timelineFromColumnsEqualsTimelineFromTheFullTrace() {
        try (RecordingService service = new RecordingService()) {
            Recording r = service.open(Golden.file());
            for (var info : r.runs()) {
                OpenRun eager = service.load(r, info.id());
                OpenRun lazy = service.loadTimeline(r, info.id());
                assertThat(lazy.traceLoaded()).isFalse();
                assertThat(lazy.info().name()).isEqualTo(eager.trace().run().name());
                assertThat(lazy.timeline().kernelCount())
                        .isEqualTo(eager.trace().kernels().size());
                assertThat(lazy.timeline().startNs()).isEqualTo(eager.timeline().startNs());
                assertThat(lazy.timeline().endNs()).isEqualTo(eager.timeline().endNs());
                assertThat(lazy.timeline().lanes())
                        .hasSameSizeAs(eager.timeline().lanes());
                for (int l = 0; l < eager.timeline().lanes().size(); l++) {
                    Lane a = eager.timeline().lanes().get(l);
                    Lane b = lazy.timeline().lanes().get(l);
                    assertThat(b.label()).isEqualTo(a.label());
                    assertThat(b.kind()).isEqualTo(a.kind());
                    assertThat(b.starts()).isEqualTo(a.starts());
                    assertThat(b.ends()).isEqualTo(a.ends());
                    assertThat(b.colors()).isEqualTo(a.colors());
                    assertThat(b.refs()).isEqualTo(a.refs());
                }
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
}

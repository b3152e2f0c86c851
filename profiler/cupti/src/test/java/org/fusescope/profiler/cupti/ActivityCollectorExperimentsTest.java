package org.fusescope.profiler.cupti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_GRAPH_TRACE;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMCPY;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMSET;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_RUNTIME;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_SYNCHRONIZATION;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The opt-in CUPTI experiments of {@link ActivityCollector#EXPERIMENT_PROPERTY} (no GPU needed). */
class ActivityCollectorExperimentsTest {
    @Test
    void thePropertyNamesExperimentsCommaSeparatedAndNothingByDefault() {
        assertThat(ActivityCollector.experiments("")).isEmpty();
        assertThat(ActivityCollector.experiments(" graph-trace , hw-trace,"))
                .containsExactly(ActivityCollector.GRAPH_TRACE, ActivityCollector.HW_TRACE);
        assertThatThrownBy(() -> ActivityCollector.experiments("hw-trace,faster"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'faster'")
                .hasMessageContaining("hw-trace, graph-trace, host-pinned or without-KIND");
        assertThat(ActivityCollector.experiments("host-pinned,without-memset"))
                .containsExactly(ActivityCollector.HOST_PINNED, "without-memset");
        assertThatThrownBy(() -> ActivityCollector.experiments("without-kernel"))
                .hasMessageContaining("'without-kernel'");
    }

    @Test
    void graphTraceEnablesTheGraphKindAfterTheCoveragesKindsHwTraceNoKind() {
        for (ActivityCollector.Coverage coverage : ActivityCollector.Coverage.values()) {
            assertThat(ActivityCollector.kinds(coverage, Set.of())).containsExactly(coverage.kinds());
            assertThat(ActivityCollector.kinds(coverage, Set.of(ActivityCollector.HW_TRACE)))
                    .containsExactly(coverage.kinds());
            assertThat(ActivityCollector.kinds(coverage, Set.of(ActivityCollector.HOST_PINNED)))
                    .containsExactly(coverage.kinds());
            assertThat(ActivityCollector.kinds(coverage, Set.of(ActivityCollector.GRAPH_TRACE)))
                    .startsWith(coverage.kinds())
                    .endsWith(CUPTI_ACTIVITY_KIND_GRAPH_TRACE)
                    .hasSize(coverage.kinds().length + 1);
        }
    }

    @Test
    void withoutAKindLeavesOnlyThatKindOut() {
        int[] all = ActivityCollector.Coverage.ALL.kinds();
        assertThat(ActivityCollector.kinds(ActivityCollector.Coverage.ALL, Set.of("without-memset")))
                .hasSize(all.length - 1)
                .doesNotContain(CUPTI_ACTIVITY_KIND_MEMSET)
                .contains(CUPTI_ACTIVITY_KIND_MEMCPY);
        assertThat(ActivityCollector.kinds(
                        ActivityCollector.Coverage.ALL,
                        ActivityCollector.experiments("without-memcpy,without-synchronization,graph-trace")))
                .hasSize(all.length - 1)
                .doesNotContain(CUPTI_ACTIVITY_KIND_MEMCPY, CUPTI_ACTIVITY_KIND_SYNCHRONIZATION)
                .endsWith(CUPTI_ACTIVITY_KIND_GRAPH_TRACE);
    }

    @Test
    void withoutAnApiKindLeavesOnlyThatOneOut() {
        assertThat(ActivityCollector.kinds(
                        ActivityCollector.Coverage.KERNELS, ActivityCollector.experiments("without-driver")))
                .containsExactly(CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL, CUPTI_ACTIVITY_KIND_RUNTIME);
    }
}

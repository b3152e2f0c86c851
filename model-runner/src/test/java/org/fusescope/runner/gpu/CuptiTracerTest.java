package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.cupti.ActivityCollector;
import org.fusescope.profiler.cupti.CuptiException;
import org.fusescope.runner.record.TraceLevel;
import org.junit.jupiter.api.Test;

/**
 * The tracer's levels and its fallback when another CUPTI client holds the process, without a GPU: the
 * collectors come from a factory that fails the way CUPTI does (a labelled stand-in, no collector is made).
 */
class CuptiTracerTest {
    private static final String HELD_BY_NSYS =
            "cuptiActivityRegisterCallbacks failed: CUPTI_ERROR_MULTIPLE_SUBSCRIBERS_NOT_SUPPORTED (39)";

    @Test
    void anotherCuptiClientMakesTheRunRecordStepTimesOnlyAndSaySo() {
        CuptiTracer tracer = new CuptiTracer(TraceLevel.FULL, (sink, coverage) -> {
            throw new CuptiException(HELD_BY_NSYS);
        });
        tracer.start(batch -> {});
        assertThat(tracer.level()).isEqualTo(TraceLevel.NONE);
        assertThat(tracer.notice()).hasValueSatisfying(n -> assertThat(n)
                .contains("another CUPTI client")
                .contains("--trace none")
                .doesNotContain("\n"));
        long t0 = tracer.timestampNs();
        assertThat(tracer.timestampNs()).isGreaterThanOrEqualTo(t0);
        tracer.flush(); // no collector: nothing to flush, no failure
        tracer.pause();
        tracer.resume();
        tracer.close();
    }

    @Test
    void anyOtherCuptiFailureStillFailsTheRun() {
        CuptiTracer tracer = new CuptiTracer(TraceLevel.FULL, (sink, coverage) -> {
            throw new CuptiException("cuptiActivityEnable(10) failed: CUPTI_ERROR_NOT_INITIALIZED (15)");
        });
        assertThatThrownBy(() -> tracer.start(batch -> {}))
                .isInstanceOf(CuptiException.class)
                .hasMessageContaining("NOT_INITIALIZED");
        assertThat(tracer.notice()).isEmpty();
    }

    @Test
    void levelNoneNeverTouchesCupti() {
        CuptiTracer tracer = new CuptiTracer(TraceLevel.NONE, (sink, coverage) -> {
            throw new AssertionError("a collector was asked for at --trace none");
        });
        tracer.start(batch -> {});
        assertThat(tracer.level()).isEqualTo(TraceLevel.NONE);
        assertThat(tracer.notice()).isEmpty();
        tracer.close();
    }

    @Test
    void eachLevelAsksForItsCoverage() {
        List<ActivityCollector.Coverage> asked = new ArrayList<>();
        for (TraceLevel level : List.of(TraceLevel.FULL, TraceLevel.KERNELS)) {
            CuptiTracer tracer = new CuptiTracer(level, (sink, coverage) -> {
                asked.add(coverage);
                throw new CuptiException(HELD_BY_NSYS);
            });
            tracer.start(batch -> {});
        }
        assertThat(asked).containsExactly(ActivityCollector.Coverage.ALL, ActivityCollector.Coverage.KERNELS);
        assertThat(ActivityCollector.Coverage.KERNELS.kinds()).hasSize(3);
        assertThat(ActivityCollector.Coverage.ALL.kinds()).contains(ActivityCollector.Coverage.KERNELS.kinds());
    }
}

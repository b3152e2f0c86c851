package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class StepTotalsTest {
    @Test
    void stepsFromRangesAndAttribution() {
        RunTrace trace = TraceFixture.trace()
                .range(0, 1000, "step 0", RangeLevel.STEP, TraceFixture.TID)
                .launch(100, 130, 1)
                .launch(200, 240, 2)
                .call(300, 310, TraceFixture.TID, 0, "cuMemsetD8Async") // not a launch
                // step -1 in the attribution: the range decides
                .kernel(500, 1500, 1, 1, "a", TraceFixture.attribution("a", "a", -1, 100, 50, 0))
                .kernel(2000, 2500, 2, 2, "b")
                .kernel(1200, 1400, 3, 2, "b2") // same launch, overlaps "a"
                .range(5000, 6000, "step 1", RangeLevel.STEP, TraceFixture.TID)
                .launch(5100, 5150, 3)
                .kernel(5200, 5700, 1, 3, "a", TraceFixture.attribution("a", "a", 1, 10, 10, 0))
                .launch(9000, 9010, 5) // warm-up after the steps: in no step
                .kernel(9100, 9200, 1, 5, "warmup")
                .build();
        StepTotals totals = StepTotals.of(trace);

        assertThat(totals.rows()).hasSize(2);
        StepRow s0 = totals.rows().get(0);
        assertThat(s0.step()).isZero();
        assertThat(s0.kernels()).isEqualTo(3);
        assertThat(s0.gpuBusyNs()).isEqualTo(1500); // [500,1500) + [2000,2500)
        assertThat(s0.wallNs()).isEqualTo(2500); // range start 0 to last kernel end 2500
        assertThat(s0.gpuGapNs()).isEqualTo(500); // span 2000 - busy 1500
        assertThat(s0.launches()).isEqualTo(2);
        assertThat(s0.launchOverheadNs()).isEqualTo(70);
        assertThat(s0.bytes()).isEqualTo(150);

        StepRow s1 = totals.rows().get(1);
        assertThat(s1.step()).isEqualTo(1);
        assertThat(s1.gpuBusyNs()).isEqualTo(500);
        assertThat(s1.wallNs()).isEqualTo(1000); // range [5000, 6000] outlasts the kernel
        assertThat(s1.gpuGapNs()).isZero();
        assertThat(s1.launches()).isEqualTo(1);
        assertThat(s1.launchOverheadNs()).isEqualTo(50);
        assertThat(s1.bytes()).isEqualTo(20);

        StepSummary summary = totals.summary();
        assertThat(summary.steps()).isEqualTo(2);
        assertThat(summary.gpuBusyNs()).isEqualTo(1000.0);
        assertThat(summary.wallNs()).isEqualTo(1750.0);
        assertThat(summary.launches()).isEqualTo(1.5);
        assertThat(totals.toTable().rows()).hasSize(2);
        assertThat(totals.summaryTable().value(0, "Wall")).isEqualTo(1750.0);
    }

    @Test
    void traceWithoutStepsIsOneStepFromFirstLaunchToLastKernel() {
        RunTrace trace = TraceFixture.trace()
                .launch(100, 120, 1)
                .kernel(300, 400, 1, 1, "a")
                .kernel(350, 600, 2, 2, "b") // launched by a call the trace does not have
                .build();
        StepTotals totals = StepTotals.of(trace);
        assertThat(totals.rows()).hasSize(1);
        StepRow only = totals.rows().get(0);
        assertThat(only.step()).isZero();
        assertThat(only.gpuBusyNs()).isEqualTo(300);
        assertThat(only.wallNs()).isEqualTo(500);
        assertThat(only.launches()).isEqualTo(1);
        assertThat(only.bytes()).isZero();
    }

    @Test
    void graphModeCountsOneLaunchForAllKernels() {
        RunTrace trace = TraceFixture.trace()
                .range(0, 100, "step 4", RangeLevel.STEP, TraceFixture.TID)
                .call(10, 30, TraceFixture.TID, 9, "cuGraphLaunch")
                .kernel(200, 300, 1, 9, "a")
                .kernel(300, 450, 1, 9, "b")
                .build();
        StepRow step = StepTotals.of(trace).rows().get(0);
        assertThat(step.step()).isEqualTo(4);
        assertThat(step.kernels()).isEqualTo(2);
        assertThat(step.launches()).isEqualTo(1);
        assertThat(step.launchOverheadNs()).isEqualTo(20);
        assertThat(step.wallNs()).isEqualTo(450);
    }
}

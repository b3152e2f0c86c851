package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    @Test
    void unionOfOverlappingKernelsOnTwoStreamsIsLessThanTheirSum() {
        List<KernelEvent> kernels = TraceFixture.trace()
                .kernel(0, 100, 7, 1, "a")
                .kernel(50, 150, 8, 2, "b")
                .kernel(200, 300, 7, 3, "c")
                .kernel(210, 220, 8, 4, "d")
                .build()
                .kernels();
        // [0,150) and [200,300): 150 + 100; the sum of durations would be 310.
        assertThat(Intervals.unionNs(kernels)).isEqualTo(250);
        assertThat(kernels.stream().mapToLong(KernelEvent::durationNs).sum()).isEqualTo(310);
    }

    @Test
    void touchingIntervalsAndEmptyInput() {
        List<KernelEvent> kernels = TraceFixture.trace()
                .kernel(10, 20, 1, 1, "a")
                .kernel(0, 10, 1, 2, "b")
                .build()
                .kernels();
        assertThat(Intervals.unionNs(kernels)).isEqualTo(20);
        assertThat(Intervals.unionNs(List.of())).isZero();
        assertThat(Intervals.firstStartNs(List.of())).isEqualTo(-1);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Intervals.median(new long[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(Intervals.median(new long[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Intervals.median(new double[] {0.5, 0.25})).isEqualTo(0.375);
        assertThat(Intervals.median(new long[0])).isNaN();
    }

    @Test
    void sampleStandardDeviation() {
        // mean 5, squared deviations sum to 32, n - 1 = 7
        assertThat(Intervals.sampleStdDev(new long[] {2, 4, 4, 4, 5, 5, 7, 9}))
                .isCloseTo(Math.sqrt(32.0 / 7.0), within(1e-12));
        assertThat(Intervals.sampleStdDev(new long[] {42})).isZero();
    }
}

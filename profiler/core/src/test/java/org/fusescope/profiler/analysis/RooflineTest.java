package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class RooflineTest {
    @Test
    void pointAgainstTheMeasuredRoofs() {
        RunTrace trace = TraceFixture.trace()
                .device(TraceFixture.device(2e12, 1e15))
                .kernel(
                        0,
                        1000,
                        1,
                        1,
                        "gemm",
                        TraceFixture.attribution("gemm", "gemm", 0, 800_000, 200_000, 200_000_000))
                .kernel(
                        1000,
                        2000,
                        1,
                        2,
                        "gemm",
                        TraceFixture.attribution("gemm", "gemm", 0, 800_000, 200_000, 200_000_000))
                .kernel(2000, 4000, 1, 3, "foreign")
                .build();
        Roofline roofline = Roofline.of(trace);
        assertThat(roofline.bandwidthRoofBytesPerSec()).isEqualTo(2e12);
        assertThat(roofline.computeRoofFlopsPerSec()).isEqualTo(1e15);
        assertThat(roofline.ridgePointFlopsPerByte()).isEqualTo(500.0);
        assertThat(roofline.points()).hasSize(1);

        RooflinePoint p = roofline.points().get(0);
        assertThat(p.name()).isEqualTo("gemm");
        assertThat(p.instances()).isEqualTo(2);
        assertThat(p.arithmeticIntensity()).isEqualTo(200.0);
        // 2e6 B and 4e8 FLOP in 2000 ns
        assertThat(p.achievedBytesPerSec()).isCloseTo(1e12, within(1e-3));
        assertThat(p.achievedFlopsPerSec()).isCloseTo(2e14, within(1e-1));
        assertThat(p.timeShare()).isEqualTo(0.5);
        // memory-bound: min(1e15, 200 * 2e12) = 4e14
        assertThat(roofline.attainableFlopsPerSec(p.arithmeticIntensity())).isCloseTo(4e14, within(1.0));
        assertThat((Double) roofline.toTable().value(0, "Of Attainable")).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void unknownRoofsAreNaN() {
        RunTrace trace = TraceFixture.trace()
                .device(TraceFixture.device(Double.NaN, Double.NaN))
                .kernel(0, 1000, 1, 1, "k", TraceFixture.attribution("k", "k", 0, 10, 0, 0))
                .build();
        Roofline roofline = Roofline.of(trace);
        // the theoretical bandwidth stands in for an unmeasured one
        assertThat(roofline.bandwidthRoofBytesPerSec()).isEqualTo(3e12);
        assertThat(roofline.computeRoofFlopsPerSec()).isNaN();
        assertThat(roofline.ridgePointFlopsPerByte()).isNaN();
        assertThat(roofline.points().get(0).arithmeticIntensity()).isZero();
    }
}

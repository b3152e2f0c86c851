package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fusescope.profiler.model.MeasuredKernel;
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

    @Test
    void measuredBytesStandBesideTheModelScaledToEveryInstance() {
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
                .kernel(2000, 3000, 1, 3, "norm", TraceFixture.attribution("norm", "norm", 0, 1000, 1000, 0))
                .build();
        // only the second gemm was measured: 1.25 MB, so both instances are taken as 2.5 MB
        MeasuredKernel m = new MeasuredKernel(1000, 7, 990, 1_000_000, 250_000, 80, 20, 50, 10);
        Roofline roofline = Roofline.of(trace, List.of(m));
        RooflinePoint gemm = roofline.points().stream()
                .filter(p -> p.name().equals("gemm"))
                .findFirst()
                .orElseThrow();
        assertThat(gemm.bytes()).isEqualTo(2_000_000);
        assertThat(gemm.measuredBytes()).isEqualTo(2_500_000.0);
        assertThat(gemm.measuredIntensity()).isEqualTo(160.0);
        RooflinePoint norm = roofline.points().stream()
                .filter(p -> p.name().equals("norm"))
                .findFirst()
                .orElseThrow();
        assertThat(norm.measuredBytes()).isNaN();
        ResultTable table = roofline.toTable();
        assertThat(table.columns()).extracting(Column::name).contains("Measured Bytes", "Measured Intensity");
        assertThat(Roofline.of(trace).toTable().columns())
                .extracting(Column::name)
                .doesNotContain("Measured Bytes");
    }
}

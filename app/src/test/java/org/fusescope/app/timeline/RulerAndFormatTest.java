package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulerAndFormatTest {
    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Ruler.step(1_000_000, 1000, 90)).isEqualTo(100_000);
        assertThat(Ruler.step(1_000_000, 1000, 150)).isEqualTo(200_000);
        assertThat(Ruler.step(1_000_000, 1000, 300)).isEqualTo(500_000);
    }

    @Test
    void ticksAreMultiplesOfTheStepFromTheOrigin() {
        assertThat(Ruler.ticks(1050, 1420, 1000, 100)).containsExactly(1100.0, 1200.0, 1300.0, 1400.0);
    }

    @Test
    void formatsWithTheRightUnit() {
        assertThat(TimeFormat.format(850)).isEqualTo("850 ns");
        assertThat(TimeFormat.format(12_500)).isEqualTo("12.5 µs");
        assertThat(TimeFormat.format(3_200_000)).isEqualTo("3.2 ms");
        assertThat(TimeFormat.format(1_500_000_000)).isEqualTo("1.5 s");
        assertThat(TimeFormat.format(250_000)).isEqualTo("250 µs");
    }

    /** The labels the canvas draws for a window of {@code spanNs} starting {@code offsetNs} into the run, 1200 px wide. */
    private static List<String> labels(double offsetNs, double spanNs) {
        double origin = 1_000_000_000_000.0; // runs start at epoch-like times
        double step = Ruler.step(spanNs, 1200, 90);
        List<Double> ticks = Ruler.ticks(origin + offsetNs, origin + offsetNs + spanNs, origin, step);
        return Ruler.labels(ticks, origin, step);
    }

    @Test
    void zoomedRulerLabelsNeverRepeat() {
        // the windows of the issue: 31 µs at 1.27 ms, 140 µs at 11.5 s
        assertThat(labels(1_270_000, 31_000)).hasSizeGreaterThan(2).doesNotHaveDuplicates();
        assertThat(labels(1_270_000, 31_000)).contains("1.275 ms", "1.280 ms");
        assertThat(labels(11_500_000_000.0, 140_000)).hasSizeGreaterThan(2).doesNotHaveDuplicates();
        assertThat(labels(11_500_000_000.0, 140_000)).contains("11.50002 s");
        for (double offset : new double[] {0, 999, 1_270_000, 11_500_000_000.0, 123_456_789_012.0}) {
            for (double span = 60; span < 2e10; span *= 3.7) {
                assertThat(labels(offset, span))
                        .as("%s ns shown at %s ns", span, offset)
                        .doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void rulerLabelsShareOneUnitAndDigits() {
        assertThat(labels(0, 5_000)).startsWith("0.0 µs", "0.5 µs").allMatch(l -> l.endsWith(" µs"));
        assertThat(labels(998_000, 4_000)).contains("0.9985 ms", "1.0000 ms");
    }

    @Test
    void exactTimesKeepEveryNanosecond() {
        assertThat(TimeFormat.exact(11_512_345_678L)).isEqualTo("11.512345678 s");
        assertThat(TimeFormat.exact(1_270_500)).isEqualTo("1.270500 ms");
        assertThat(TimeFormat.exact(12_345)).isEqualTo("12.345 µs");
        assertThat(TimeFormat.exact(850)).isEqualTo("850 ns");
    }
}

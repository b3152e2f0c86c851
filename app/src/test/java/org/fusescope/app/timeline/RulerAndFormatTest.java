package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

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
}

package org.fusescope.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void nearestRankPercentiles() {
        long[] v = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertThat(Stats.median(v)).isEqualTo(5);
        assertThat(Stats.percentile(v, 95)).isEqualTo(10);
        assertThat(Stats.percentile(v, 10)).isEqualTo(1);
        assertThat(Stats.max(v)).isEqualTo(10);
        assertThat(Stats.median(new long[0])).isZero();
    }
}

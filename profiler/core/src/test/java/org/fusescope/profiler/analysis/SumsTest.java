package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SumsTest {
    @Test
    void addSaturatesInsteadOfWrapping() {
        assertThat(Sums.add(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Sums.add(Long.MIN_VALUE + 1, -5)).isEqualTo(Long.MIN_VALUE);
        assertThat(Sums.add(3, 4)).isEqualTo(7);
    }

    @Test
    void subtractSaturatesInsteadOfWrapping() {
        assertThat(Sums.subtract(9_000_000_000_000_000_000L, -9_000_000_000_000_000_000L))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(Sums.subtract(-9_000_000_000_000_000_000L, 9_000_000_000_000_000_000L))
                .isEqualTo(Long.MIN_VALUE);
        assertThat(Sums.subtract(0, Long.MIN_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Sums.subtract(7, 4)).isEqualTo(3);
    }
}

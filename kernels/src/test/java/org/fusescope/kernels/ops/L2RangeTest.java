package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** L2 prefetch ranges: aligned and inside their buffer, or refused with the numbers. */
class L2RangeTest {
    @Test
    void noneIsEmptyAndMisalignedRangesAreRefused() {
        assertThat(L2Range.NONE.bytes()).isZero();
        assertThat(new L2Range(4096, 1024).address()).isEqualTo(4096);
        assertThatThrownBy(() -> new L2Range(4100, 1024)).hasMessageContaining("16-byte aligned");
        assertThatThrownBy(() -> new L2Range(4096, 1000)).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> new L2Range(0, 1024)).hasMessageContaining("at 0");
        assertThatThrownBy(() -> new L2Range(4096, -16)).hasMessageContaining("-16");
    }
}

package org.fusescope.runner.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TpReductionTest {
    @Test
    void labelsParseBackAndOnlyAllReduceIsWithoutSequenceParallelism() {
        for (TpReduction r : TpReduction.values()) {
            assertThat(TpReduction.parse(" " + r.label().toUpperCase(java.util.Locale.ROOT) + " "))
                    .isEqualTo(r);
            assertThat(r.sequenceParallel()).isEqualTo(r != TpReduction.ALL_REDUCE);
        }
        assertThatThrownBy(() -> TpReduction.parse("nccl"))
                .hasMessage("unknown tensor-parallel reduction 'nccl': use all-reduce, reduce-scatter,"
                        + " sp-hardcoded-all-reduce");
    }
}

package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The race of the seed review: the safe moe_align_fused, also with shared-memory counts, must keep every
 * invariant over {@value #RUNS} launches on fresh random ids (K' = 11). The barrier-less variant is not tested here: its race need
 * not fire on a given GPU, so {@code fusescope bench align-race} reports how often it does.
 */
class MoeAlignStressTest extends GpuFixture {
    private static final int RUNS = 5000;
    private static final ModelDims D = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);

    @ParameterizedTest
    @ValueSource(ints = {64, 257})
    void fusedAlignNeverLosesASlot(int m) {
        int bad = MoeAlignRace.brokenLaunches(lib, stream, D, m, RUNS, 800 + m, false);
        assertThat(bad)
                .as("launches of moe_align_fused (M=%d) that broke the invariants", m)
                .isZero();
    }

    /** The shared-memory counts of switch align_shared_counts (M = 257 is above the single-block path). */
    @ParameterizedTest
    @ValueSource(ints = {1, 16, 64, 257})
    void sharedCountsAlignNeverLosesASlot(int m) {
        int bad =
                MoeAlignRace.brokenLaunches(lib, stream, D, m, RUNS, 900 + m, MoeAlignRace.Kernel.FUSED_SHARED_COUNTS);
        assertThat(bad)
                .as("launches of moe_align_shared_counts (M=%d) that broke the invariants", m)
                .isZero();
    }
}

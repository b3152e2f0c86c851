package org.fusescope.kernels.cuda;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one call with which the kernels' GPU tests ask for a GPU: {@link GpuTestRule}'s decision, as
 * JUnit sees it (skipped only without an NVIDIA driver, failed for a broken CUDA setup or when a GPU is
 * required).
 */
public final class GpuTests {
    private GpuTests() {}

    /** Returns when the GPU is usable; otherwise aborts (skips) or fails the test with the reason. */
    public static void requireGpu() {
        apply(GpuTestRule.forThisProcess());
    }

    static void apply(GpuTestRule.Decision decision) {
        switch (decision.verdict()) {
            case RUN -> {}
            case SKIP -> Assumptions.abort(decision.message());
            case FAIL -> Assertions.fail(decision.message());
        }
    }
}

package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.GpuTestRule;
import org.fusescope.profiler.cupti.CuptiTestRule;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place where the runner's GPU tests ask for a GPU (and, to record, CUPTI): the decisions of
 * {@link GpuTestRule} and {@link CuptiTestRule} as JUnit sees them. Skipped only without an NVIDIA
 * driver; failed for a broken CUDA setup, or for no driver when {@code fusescope.requireGpu=true} or
 * {@code FUSESCOPE_REQUIRE_GPU=1}.
 */
public final class GpuTests {
    private GpuTests() {}

    /** Returns when the GPU is usable; otherwise skips or fails the test with the reason. */
    public static void requireGpu() {
        GpuTestRule.Decision gpu = GpuTestRule.forThisProcess();
        apply(gpu.verdict().name(), gpu.message());
    }

    /** Returns when the GPU is usable and CUPTI loads, as recording needs; otherwise skips or fails. */
    public static void requireGpuAndCupti() {
        requireGpu();
        CuptiTestRule.Decision cupti = CuptiTestRule.forThisProcess();
        apply(cupti.verdict().name(), cupti.message());
    }

    /** {@code RUN} returns, {@code SKIP} aborts the test, {@code FAIL} fails it, with {@code message}. */
    static void apply(String verdict, String message) {
        switch (verdict) {
            case "RUN" -> {}
            case "SKIP" -> Assumptions.abort(message);
            case "FAIL" -> Assertions.fail(message);
            default -> throw new IllegalArgumentException("unknown verdict " + verdict);
        }
    }
}

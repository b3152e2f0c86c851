package org.fusescope.kernels.cuda;

/**
 * Whether a GPU test runs, is skipped or fails, from what {@link Gpu}'s probe found missing. The rule:
 * a usable GPU runs the test; a machine without the NVIDIA driver ({@code libcuda.so.1} does not load)
 * skips it, unless a GPU is required, which makes it a failure; anything else missing (JCuda's driver
 * binding, a failing {@code cuInit}, no device, NVRTC, cuBLAS) means the driver is there and the CUDA
 * setup is broken, which fails the test with the reason. A GPU is required with the system property
 * {@value #REQUIRE_PROPERTY}{@code =true} or the environment variable {@value #REQUIRE_ENV}{@code =1}
 * (as {@code scripts/device/gpu-suite.sh} sets both). The profiler's CUPTI module applies the same
 * rule to CUPTI ({@code CuptiTestRule}).
 *
 * <p>Stateless; JUnit-free, so that each module's tests map the decision onto their own assumptions.
 */
public final class GpuTestRule {
    /** The system property that, set to {@code true}, makes a missing GPU a failure. */
    public static final String REQUIRE_PROPERTY = "fusescope.requireGpu";
    /** The environment variable that, set to {@code 1}, makes a missing GPU a failure. */
    public static final String REQUIRE_ENV = "FUSESCOPE_REQUIRE_GPU";

    private GpuTestRule() {}

    /** What a GPU test does. */
    public enum Verdict {
        RUN,
        SKIP,
        FAIL
    }

    /** A verdict and, unless it is {@link Verdict#RUN}, the message to skip or fail with. */
    public record Decision(Verdict verdict, String message) {}

    /** The decision for this process: the probe's finding and the switch read from the property and environment. */
    public static Decision forThisProcess() {
        boolean required = gpuRequired(System.getProperty(REQUIRE_PROPERTY), System.getenv(REQUIRE_ENV));
        return decide(Gpu.missing(), Gpu.unavailableReason(), required);
    }

    /** Whether the switch is on: the property is {@code true} or the variable is {@code 1} (either may be null). */
    public static boolean gpuRequired(String property, String environment) {
        return (property != null && property.strip().equalsIgnoreCase("true"))
                || (environment != null && environment.strip().equals("1"));
    }

    /**
     * The rule.
     *
     * @param missing what the probe found missing
     * @param reason the probe's explanation (what failed, where the libraries were looked for)
     */
    public static Decision decide(GpuMissing missing, String reason, boolean gpuRequired) {
        if (missing == GpuMissing.NONE) {
            return new Decision(Verdict.RUN, "");
        }
        if (missing == GpuMissing.DRIVER_LIBRARY) {
            return gpuRequired
                    ? new Decision(
                            Verdict.FAIL,
                            "A GPU is required (" + REQUIRE_PROPERTY + "=true or " + REQUIRE_ENV + "=1) but "
                                    + missing.what() + " is missing. " + reason)
                    : new Decision(Verdict.SKIP, "No NVIDIA driver on this machine. " + reason);
        }
        return new Decision(
                Verdict.FAIL,
                "The NVIDIA driver is present but the CUDA setup is broken: " + missing.what() + " is missing. "
                        + reason);
    }
}

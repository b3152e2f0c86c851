package org.fusescope.profiler.cupti;

/**
 * Whether a test that needs CUPTI runs, is skipped or fails, from what {@link Cupti}'s probe found
 * missing. The same rule as the kernels' {@code GpuTestRule} (this module does not depend on
 * kernels): CUPTI loading runs the test; no NVIDIA driver ({@code libcuda.so.1} does not load) skips
 * it, unless a GPU is required, which makes it a failure; CUPTI missing beside a driver is a broken
 * setup and fails the test with the reason. A GPU is required with the system property {@value
 * #REQUIRE_PROPERTY}{@code =true} or the environment variable {@value #REQUIRE_ENV}{@code =1}.
 *
 * <p>Stateless; JUnit-free.
 */
public final class CuptiTestRule {
    /** The system property that, set to {@code true}, makes a missing GPU a failure. */
    public static final String REQUIRE_PROPERTY = "fusescope.requireGpu";
    /** The environment variable that, set to {@code 1}, makes a missing GPU a failure. */
    public static final String REQUIRE_ENV = "FUSESCOPE_REQUIRE_GPU";

    private CuptiTestRule() {}

    /** What a CUPTI test does. */
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
        return decide(Cupti.missing(), Cupti.unavailableReason(), required);
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
    public static Decision decide(CuptiMissing missing, String reason, boolean gpuRequired) {
        if (missing == CuptiMissing.NONE) {
            return new Decision(Verdict.RUN, "");
        }
        if (missing == CuptiMissing.DRIVER_LIBRARY) {
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

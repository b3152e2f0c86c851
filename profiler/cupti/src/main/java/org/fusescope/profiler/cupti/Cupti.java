package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cupti.CUPTI_SUCCESS;
import static org.bytedeco.cuda.global.cupti.cuptiGetResultString;
import static org.bytedeco.cuda.global.cupti.cuptiGetTimestamp;
import static org.bytedeco.cuda.global.cupti.cuptiGetVersion;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Whether CUPTI loads in this process, and the few process-wide CUPTI calls. The first call probes
 * once: it loads {@code libcuda.so.1} by name (failing that, there is no NVIDIA driver: {@link
 * CuptiMissing#DRIVER_LIBRARY}), then the JavaCPP binding, whose class init loads the cudart binding
 * first (its JNI library needs {@code libcuda.so.1} and {@code libcudart.so.13}), then {@code
 * libcupti.so.13}; a missing library is caught here as a {@link LinkageError} and reported, never
 * thrown further. Whether a CUPTI test runs, skips or fails is {@link CuptiTestRule}'s decision.
 * Thread-safe.
 */
public final class Cupti {
    private static Finding finding;

    private Cupti() {}

    /** Whether the CUPTI binding and the libraries under it load here (a GPU is not needed for this). */
    public static boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    /** Why CUPTI does not load, naming the missing libraries and where they were looked for; empty when it loads. */
    public static String unavailableReason() {
        return finding().reason();
    }

    /** What the probe found missing; {@link CuptiMissing#NONE} when CUPTI loads. */
    public static CuptiMissing missing() {
        return finding().missing();
    }

    /** The probe's outcome; {@code reason} is empty when CUPTI loads. */
    record Finding(CuptiMissing missing, String reason) {}

    private static synchronized Finding finding() {
        if (finding == null) {
            finding = probe(CuptiProbeSteps.NATIVE);
        }
        return finding;
    }

    /** The CUPTI API version of the loaded library, e.g. 130001. */
    public static int version() {
        requireAvailable();
        int[] version = {0};
        check(cuptiGetVersion(version), "cuptiGetVersion");
        return version[0];
    }

    /** Now in ns on the clock of the activity records, for run windows. */
    public static long timestampNs() {
        requireAvailable();
        long[] now = {0};
        check(cuptiGetTimestamp(now), "cuptiGetTimestamp");
        return now[0];
    }

    /** @throws CuptiException with {@link #unavailableReason()} when CUPTI does not load */
    static void requireAvailable() {
        String reason = unavailableReason();
        if (!reason.isEmpty()) {
            throw new CuptiException(reason);
        }
    }

    /** @throws CuptiException naming the call and CUPTI's description of {@code result} unless it is success */
    static void check(int result, String call) {
        if (result != CUPTI_SUCCESS) {
            throw new CuptiException(call + " failed: " + resultString(result) + " (" + result + ")");
        }
    }

    /** CUPTI's name for a result code, e.g. {@code CUPTI_ERROR_NOT_INITIALIZED}. */
    static String resultString(int result) {
        try (PointerPointer<BytePointer> text = new PointerPointer<>(1L)) {
            String name = cuptiGetResultString(result, text) == CUPTI_SUCCESS ? cString(text) : null;
            return name != null ? name : "CUPTI result " + result;
        }
    }

    /** The C string a {@code const char**} out-parameter points to, or null when it is NULL. */
    static String cString(PointerPointer<?> out) {
        Pointer first = out.get(0);
        return first == null || first.isNull() ? null : out.getString(0);
    }

    /** The probe's steps in order; stops at the first thing missing. */
    static Finding probe(CuptiProbeSteps steps) {
        try {
            steps.loadDriverLibrary();
        } catch (LinkageError e) {
            return new Finding(
                    CuptiMissing.DRIVER_LIBRARY,
                    "CUPTI unavailable: the dynamic loader cannot load libcuda.so.1 ("
                            + e.getClass().getSimpleName()
                            + ": " + e.getMessage() + "); CUPTI needs " + String.join(", ", CudaLibraries.NEEDED)
                            + ". " + searched());
        }
        try {
            steps.loadCupti();
            int result = steps.version();
            return result == CUPTI_SUCCESS
                    ? new Finding(CuptiMissing.NONE, "")
                    : new Finding(CuptiMissing.CUPTI, "CUPTI unavailable: cuptiGetVersion returned " + result);
        } catch (LinkageError
                | RuntimeException e) { // UnsatisfiedLinkError, NoClassDefFoundError, ExceptionInInitializerError
            return new Finding(
                    CuptiMissing.CUPTI,
                    "CUPTI unavailable: the JavaCPP binding org.bytedeco.cuda.global.cupti could not be loaded ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + "); it needs "
                            + String.join(", ", CudaLibraries.NEEDED) + ". " + searched());
        }
    }

    private static String searched() {
        return CudaLibraries.report(System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path"));
    }
}

package org.fusescope.kernels.cuda;

import java.util.List;
import jcuda.driver.CUresult;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;

/**
 * Whether this process can use a CUDA GPU, found out once. The first use loads {@code libcuda.so.1}
 * by name, then JCuda's driver binding, initializes the driver, counts devices and loads JavaCPP's
 * NVRTC and cuBLAS bindings (need {@code libnvrtc.so.13}, {@code libcublas.so.13} and, through
 * JavaCPP's cudart preset, {@code libcudart.so.13} and {@code libcuda.so.1}). This is the only
 * place that catches the {@link LinkageError}s those loads throw; everything after it sees one
 * {@link GpuUnavailableException} with the reason.
 *
 * <p>Whether a GPU test runs, skips or fails is {@link GpuTestRule}'s decision on {@link #missing()}.
 *
 * <p>Thread-safe: the probe runs once, under a lock.
 */
public final class Gpu {
    private static final List<String> LIBRARIES =
            List.of("libcuda.so.1", "libcudart.so.13", "libnvrtc.so.13", "libcublas.so.13", "libcublasLt.so.13");

    private static volatile boolean driverLoaded;
    private static Probe probe;

    private Gpu() {}

    /** The outcome of the probe; {@code reason} is empty when the GPU is usable. */
    record Probe(GpuMissing missing, int deviceCount, int driverVersion, String reason, Throwable cause) {}

    /**
     * Runs the probe (once) and returns the number of CUDA devices.
     *
     * @throws GpuUnavailableException when no GPU, driver or toolkit library is usable
     */
    public static int probe() {
        Probe p = state();
        if (!p.reason().isEmpty()) {
            throw new GpuUnavailableException(p.reason(), p.cause());
        }
        return p.deviceCount();
    }

    /** Whether a CUDA device, its driver and the CUDA 13 NVRTC and cuBLAS libraries are usable. */
    public static boolean isAvailable() {
        return state().reason().isEmpty();
    }

    /** The first thing the probe found missing; {@link GpuMissing#NONE} when {@link #isAvailable()}. */
    public static GpuMissing missing() {
        return state().missing();
    }

    /** What is missing and where it was looked for; empty when {@link #isAvailable()}. */
    public static String unavailableReason() {
        return state().reason();
    }

    /** The driver's CUDA version, e.g. 13000 for 13.0. */
    public static int driverVersion() {
        probe();
        return state().driverVersion();
    }

    /** Whether JCuda's native driver binding loaded (possibly with no device); never probes. */
    static boolean driverLoaded() {
        return driverLoaded;
    }

    private static synchronized Probe state() {
        if (probe == null) {
            probe = run(GpuProbeSteps.NATIVE);
            driverLoaded = probe.missing() != GpuMissing.DRIVER_LIBRARY && probe.missing() != GpuMissing.DRIVER_BINDING;
        }
        return probe;
    }

    /** The probe's steps in order; stops at the first thing missing. */
    static Probe run(GpuProbeSteps steps) {
        try {
            steps.loadDriverLibrary();
        } catch (LinkageError e) {
            return missing(GpuMissing.DRIVER_LIBRARY, "the dynamic loader cannot load libcuda.so.1: " + brief(e), e);
        }
        int init;
        try {
            init = steps.init();
        } catch (LinkageError e) {
            return missing(
                    GpuMissing.DRIVER_BINDING,
                    "libcuda.so.1 loads, but JCuda's native library JCudaDriver-12.6.0-linux-x86_64 does not: "
                            + brief(e),
                    e);
        }
        if (init != CUresult.CUDA_SUCCESS) {
            return missing(
                    GpuMissing.CUINIT, "cuInit(0) failed: " + CUresult.stringFor(init) + " (" + init + ")", null);
        }
        int count = steps.deviceCount();
        int version = steps.driverVersion();
        if (count == 0) {
            return missing(GpuMissing.NO_DEVICE, "the CUDA driver (version " + version + ") reports no device", null);
        }
        String nvrtcFailure = javacppFailure(steps::loadNvrtc, nvrtc.class, "libnvrtc.so.13");
        if (!nvrtcFailure.isEmpty()) {
            return missing(GpuMissing.NVRTC, nvrtcFailure, null);
        }
        String cublasFailure = javacppFailure(steps::loadCublas, cublas.class, "libcublas.so.13");
        if (!cublasFailure.isEmpty()) {
            return missing(GpuMissing.CUBLAS, cublasFailure, null);
        }
        return new Probe(GpuMissing.NONE, count, version, "", null);
    }

    /** Loads a JavaCPP CUDA binding; returns an empty string on success, else why not. */
    static String loadJavacpp(Class<?> binding, String library) {
        return javacppFailure(() -> Loader.load(binding), binding, library);
    }

    private static String javacppFailure(Runnable load, Class<?> binding, String library) {
        try {
            load.run();
            return "";
        } catch (LinkageError e) {
            return "the CUDA 13 toolkit library " + library + " could not be loaded through JavaCPP ("
                    + binding.getName() + ", whose preset first loads the cudart preset: libjnicudart.so needs"
                    + " libcuda.so.1 and libcudart.so.13): " + brief(e);
        }
    }

    /**
     * The first line of a loader error plus any line with the dynamic loader's own complaint; JCuda's
     * message otherwise carries whole nested stack traces.
     */
    static String brief(Throwable e) {
        String message = String.valueOf(e.getMessage());
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName()).append(": ");
        String[] lines = message.lines().toArray(String[]::new);
        out.append(lines.length == 0 ? "" : lines[0].strip());
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.contains("cannot open shared object file") || line.contains("undefined symbol")) {
                out.append(" | ").append(line);
            }
        }
        return out.toString();
    }

    private static Probe missing(GpuMissing missing, String what, Throwable cause) {
        String reason = "No usable CUDA GPU: " + what + ". " + LibrarySearch.report(LIBRARIES);
        return new Probe(missing, 0, 0, reason, cause);
    }
}

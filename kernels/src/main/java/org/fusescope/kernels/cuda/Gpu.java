package org.fusescope.kernels.cuda;

import java.util.List;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;

/**
 * Whether this process can use a CUDA GPU, found out once. The first use loads JCuda's driver
 * binding (needs {@code libcuda.so.1}), initializes the driver, counts devices and loads JavaCPP's
 * NVRTC and cuBLAS bindings (need {@code libnvrtc.so.13}, {@code libcublas.so.13} and, through
 * JavaCPP's cudart preset, {@code libcudart.so.13} and {@code libcuda.so.1}). This is the only
 * place that catches the {@link LinkageError}s those loads throw; everything after it sees one
 * {@link GpuUnavailableException} with the reason.
 *
 * <p>GPU tests skip with {@code Assumptions.assumeTrue(Gpu.isAvailable(), Gpu.unavailableReason())}.
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
    private record Probe(int deviceCount, int driverVersion, String reason, Throwable cause) {}

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
            probe = run();
        }
        return probe;
    }

    private static Probe run() {
        int init;
        try {
            init = JCudaDriver.cuInit(0);
        } catch (LinkageError e) {
            return missing(
                    "the NVIDIA driver library libcuda.so.1 could not be loaded"
                            + " (JCuda's native library JCudaDriver-12.6.0-linux-x86_64 needs it): " + brief(e),
                    e);
        }
        driverLoaded = true;
        if (init != CUresult.CUDA_SUCCESS) {
            return missing("cuInit(0) failed: " + CUresult.stringFor(init) + " (" + init + ")", null);
        }
        int[] count = {0};
        int[] version = {0};
        JCudaDriver.cuDeviceGetCount(count);
        JCudaDriver.cuDriverGetVersion(version);
        if (count[0] == 0) {
            return missing("the CUDA driver (version " + version[0] + ") reports no device", null);
        }
        String toolkit = loadJavacpp(nvrtc.class, "libnvrtc.so.13");
        if (toolkit.isEmpty()) {
            toolkit = loadJavacpp(cublas.class, "libcublas.so.13");
        }
        if (!toolkit.isEmpty()) {
            return missing(toolkit, null);
        }
        return new Probe(count[0], version[0], "", null);
    }

    /** Loads a JavaCPP CUDA binding; returns an empty string on success, else why not. */
    static String loadJavacpp(Class<?> binding, String library) {
        try {
            Loader.load(binding);
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

    private static Probe missing(String what, Throwable cause) {
        String reason = "No usable CUDA GPU: " + what + ". " + LibrarySearch.report(LIBRARIES);
        return new Probe(0, 0, reason, cause);
    }
}

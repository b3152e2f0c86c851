package org.fusescope.app.run;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether this machine can run the decode step, without loading any GPU library into the
 * workbench: {@code libcuda.so.1} must be on a library path and {@code nvidia-smi} on the PATH.
 * Stateless.
 */
public final class GpuProbe {
    private static final List<String> LIBRARY_DIRS = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/usr/lib",
            "/usr/local/cuda/lib64",
            "/usr/local/cuda/targets/x86_64-linux/lib",
            "/usr/lib/wsl/lib");

    private GpuProbe() {}

    /** Why Run is off on this machine, or empty when a GPU driver is there. */
    public static Optional<String> whyNoGpu() {
        return whyNoGpu(System.getenv("LD_LIBRARY_PATH"), System.getenv("PATH"));
    }

    /** As {@link #whyNoGpu()} with the given search paths (tests). */
    public static Optional<String> whyNoGpu(String ldLibraryPath, String path) {
        boolean driver = dirs(ldLibraryPath).stream().anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")))
                || LIBRARY_DIRS.stream().anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
        boolean smi = dirs(path).stream().anyMatch(d -> Files.isExecutable(Path.of(d, "nvidia-smi")));
        if (!driver && !smi) {
            return Optional.of("No NVIDIA GPU here: libcuda.so.1 is not on any library path and nvidia-smi is not on"
                    + " the PATH. Open a recording instead, or run on a GPU host.");
        }
        if (!driver) {
            return Optional.of("The NVIDIA driver library libcuda.so.1 is not on any library path (LD_LIBRARY_PATH).");
        }
        if (!smi) {
            return Optional.of("nvidia-smi is not on the PATH, so no NVIDIA driver seems to be installed.");
        }
        return Optional.empty();
    }

    private static List<String> dirs(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(File.pathSeparator));
    }
}

package org.fusescope.kernels.cuda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the CUDA toolkit's include directory (the one with {@code cuda_bf16.h}), which NVRTC needs
 * on its include path: its built-in headers do not include the bf16 type. Looks in {@code
 * $CUDA_HOME/include}, {@code $CUDA_PATH/include}, {@code /usr/local/cuda/include}, {@code
 * /usr/local/cuda/targets/x86_64-linux/include} and beside every {@code LD_LIBRARY_PATH} entry
 * ({@code ../include}). Stateless and thread-safe.
 */
public final class CudaHeaders {
    static final String MARKER = "cuda_bf16.h";

    private CudaHeaders() {}

    /** The places looked in, in order. */
    public static List<Path> candidates() {
        List<Path> places = new ArrayList<>();
        for (String variable : List.of("CUDA_HOME", "CUDA_PATH")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                places.add(Path.of(value, "include"));
            }
        }
        places.add(Path.of("/usr/local/cuda/include"));
        places.add(Path.of("/usr/local/cuda/targets/x86_64-linux/include"));
        String libraryPath = System.getenv("LD_LIBRARY_PATH");
        if (libraryPath != null) {
            for (String entry : libraryPath.split(":")) {
                if (!entry.isBlank()) {
                    places.add(Path.of(entry).resolveSibling("include"));
                }
            }
        }
        return places;
    }

    /** The first candidate that holds {@code cuda_bf16.h}. */
    public static Optional<Path> find() {
        return candidates().stream()
                .filter(dir -> Files.isRegularFile(dir.resolve(MARKER)))
                .findFirst();
    }
}

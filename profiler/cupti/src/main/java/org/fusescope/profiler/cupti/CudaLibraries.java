package org.fusescope.profiler.cupti;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the CUDA libraries CUPTI needs were looked for, for {@link Cupti#unavailableReason()}. Only
 * reads the file system (the loader's {@code /etc/ld.so.cache} is not parsed), so "not found" means
 * "not in these folders". Thread-safe (stateless).
 */
final class CudaLibraries {
    /** The libraries the JavaCPP CUPTI binding needs: the driver, the runtime and CUPTI itself. */
    static final List<String> NEEDED = List.of("libcuda.so.1", "libcupti.so.13", "libcudart.so.13");

    static final String TOOLKIT_DIR = "/usr/local/cuda/targets/x86_64-linux/lib";
    private static final List<String> OTHER_DIRS = List.of(
            "/usr/local/cuda/extras/CUPTI/lib64",
            "/usr/local/cuda/lib64",
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/lib/x86_64-linux-gnu");

    private CudaLibraries() {}

    /** The folders searched, in order, without duplicates. */
    static List<String> folders(String ldLibraryPath, String javaLibraryPath) {
        Set<String> dirs = new LinkedHashSet<>(split(ldLibraryPath));
        dirs.add(TOOLKIT_DIR);
        dirs.addAll(split(javaLibraryPath));
        dirs.addAll(OTHER_DIRS);
        return new ArrayList<>(dirs);
    }

    /** Where each library was looked for and found, one line per library. */
    static String report(String ldLibraryPath, String javaLibraryPath) {
        List<String> folders = folders(ldLibraryPath, javaLibraryPath);
        StringBuilder out = new StringBuilder("Looked in LD_LIBRARY_PATH=")
                .append(ldLibraryPath)
                .append(", ")
                .append(TOOLKIT_DIR)
                .append(", java.library.path=")
                .append(javaLibraryPath)
                .append(", ")
                .append(String.join(", ", OTHER_DIRS))
                .append(':');
        for (String library : NEEDED) {
            out.append("\n  ").append(library).append(' ').append(where(library, folders));
        }
        return out.toString();
    }

    private static String where(String library, List<String> folders) {
        List<String> hits = new ArrayList<>();
        for (String folder : folders) {
            if (Files.exists(Path.of(folder, library))) {
                hits.add(folder);
            }
        }
        return hits.isEmpty() ? "not found" : "found in " + String.join(", ", hits);
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        if (path != null) {
            for (String part : path.split(File.pathSeparator, -1)) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }
}

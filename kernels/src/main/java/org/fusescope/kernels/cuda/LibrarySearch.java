package org.fusescope.kernels.cuda;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the CUDA shared libraries were looked for, for the message of a {@link
 * GpuUnavailableException}. Only reads the file system; the dynamic loader's own cache
 * ({@code /etc/ld.so.cache}) is not parsed, so "not found" here means "not in these folders".
 */
final class LibrarySearch {
    static final String TOOLKIT_DIR = "/usr/local/cuda/targets/x86_64-linux/lib";
    private static final List<String> SYSTEM_DIRS =
            List.of("/usr/local/cuda/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib/x86_64-linux-gnu");

    private LibrarySearch() {}

    /** The folders, in the order the message lists them, without duplicates. */
    static List<String> folders(String ldLibraryPath, String javaLibraryPath) {
        Set<String> dirs = new LinkedHashSet<>(split(ldLibraryPath));
        dirs.add(TOOLKIT_DIR);
        dirs.addAll(split(javaLibraryPath));
        dirs.addAll(SYSTEM_DIRS);
        return new ArrayList<>(dirs);
    }

    /** One line per library: {@code libx.so.13 found in /dir} or {@code libx.so.13 not found}. */
    static String report(List<String> libraries) {
        List<String> folders = folders(System.getenv("LD_LIBRARY_PATH"), System.getProperty("java.library.path"));
        StringBuilder out = new StringBuilder();
        out.append("Looked in LD_LIBRARY_PATH=")
                .append(String.valueOf(System.getenv("LD_LIBRARY_PATH")))
                .append(", ")
                .append(TOOLKIT_DIR)
                .append(", java.library.path=")
                .append(System.getProperty("java.library.path"))
                .append(", ")
                .append(String.join(", ", SYSTEM_DIRS))
                .append(':');
        for (String library : libraries) {
            out.append("\n  ").append(library).append(' ').append(where(library, folders));
        }
        return out.toString();
    }

    static String where(String library, List<String> folders) {
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

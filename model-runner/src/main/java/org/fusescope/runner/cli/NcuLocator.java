package org.fusescope.runner.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds Nsight Compute's {@code ncu}: on PATH, then in CUDA's and Nsight Compute's usual install folders. */
final class NcuLocator {
    static final String WHERE = "PATH, /usr/local/cuda/bin, /opt/nvidia/nsight-compute/*";

    private NcuLocator() {}

    static Optional<Path> find(String pathVariable, List<Path> installRoots) {
        List<Path> candidates = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "ncu"));
                }
            }
        }
        for (Path root : installRoots) {
            candidates.add(root.resolve("bin/ncu"));
            candidates.add(root.resolve("ncu"));
            if (Files.isDirectory(root)) {
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
                    for (Path v : versions) {
                        candidates.add(v.resolve("ncu"));
                    }
                } catch (IOException e) {
                    // an unreadable folder holds no ncu we could run
                }
            }
        }
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    static Optional<Path> find() {
        return find(System.getenv("PATH"), List.of(Path.of("/usr/local/cuda"), Path.of("/opt/nvidia/nsight-compute")));
    }
}

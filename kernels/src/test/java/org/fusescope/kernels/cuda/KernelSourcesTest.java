package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSourcesTest {

    @Test
    void loadsTheSourceAndItsQuotedIncludesTransitively(@TempDir Path root) throws IOException {
        Path src = Files.createDirectories(root.resolve("org/fusescope/kernels/cuda-src"));
        Files.writeString(
                src.resolve("rmsnorm.cu"),
                "#include <cuda_bf16.h>\n#include \"common.cuh\"\n"
                        + "  #  include \"reduce.cuh\"\nextern \"C\" __global__ void rmsnorm_kernel() {}\n");
        Files.writeString(src.resolve("common.cuh"), "#pragma once\n#include \"types.cuh\"\n");
        Files.writeString(src.resolve("reduce.cuh"), "#pragma once\n#include \"common.cuh\"\n");
        Files.writeString(src.resolve("types.cuh"), "#pragma once\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            KernelSource source = new KernelSources(loader, KernelSources.DEFAULT_ROOT).source("rmsnorm");
            assertThat(source.name()).isEqualTo("rmsnorm.cu");
            assertThat(source.source()).contains("rmsnorm_kernel");
            assertThat(source.headers()).containsOnlyKeys("common.cuh", "reduce.cuh", "types.cuh");
            assertThat(source.headers().keySet()).containsExactly("common.cuh", "reduce.cuh", "types.cuh");
        }
    }

    @Test
    void missingFilesAreNamed(@TempDir Path root) throws IOException {
        Path src = Files.createDirectories(root.resolve("cu"));
        Files.writeString(src.resolve("a.cu"), "#include \"gone.cuh\"\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            KernelSources sources = new KernelSources(loader, "cu/");
            assertThatThrownBy(() -> sources.source("b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("CUDA source not found on the class path: cu/b.cu");
            assertThatThrownBy(() -> sources.source("a"))
                    .hasMessage("CUDA source not found on the class path: cu/gone.cuh (included from a.cu)");
        }
    }
}

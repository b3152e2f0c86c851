package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache logic, driven by a FAKE compiler (no NVRTC here): it returns the key inputs as bytes. */
class KernelCacheTest {
    private static final KernelSource SOURCE =
            new KernelSource("op.cu", "#include \"common.cuh\"\n", Map.of("common.cuh", "#define X 1\n"));

    /** FAKE compiler: counts calls and returns the options as "cubin" bytes. */
    private static final class FakeCompiler implements KernelCache.Compiler {
        int calls;
        String version = "fake 1.0";

        @Override
        public byte[] compile(CompileRequest request) {
            calls++;
            return String.join(" ", request.options()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String version() {
            return version;
        }
    }

    @Test
    void secondStartCompilesNothing(@TempDir Path dir) throws IOException {
        FakeCompiler compiler = new FakeCompiler();
        CompileRequest request = new CompileRequest(SOURCE, 90, List.of("HIDDEN=2048"), true, List.of("-lineinfo"));
        byte[] first = new KernelCache(dir, compiler).cubin(request);
        assertThat(new String(first, StandardCharsets.UTF_8))
                .isEqualTo("--gpu-architecture=sm_90 -std=c++17 --use_fast_math -DHIDDEN=2048 -lineinfo");

        KernelCache restarted = new KernelCache(dir, compiler);
        assertThat(restarted.cubin(request)).isEqualTo(first);
        assertThat(compiler.calls).isEqualTo(1);
        assertThat(restarted.compilations()).isZero();
        assertThat(restarted.path(request)).exists().hasParent(dir);
        assertThat(restarted.path(request).getFileName().toString()).matches("[0-9a-f]{64}\\.cubin");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1); // no temporary file left behind
        }
    }

    @Test
    void everyInputChangesTheKey() {
        CompileRequest base = CompileRequest.of(SOURCE, 90);
        String key = KernelCache.key(base, "nvrtc 13.0");
        assertThat(KernelCache.key(base, "nvrtc 13.1")).isNotEqualTo(key);
        assertThat(KernelCache.key(CompileRequest.of(SOURCE, 100), "nvrtc 13.0"))
                .isNotEqualTo(key);
        assertThat(KernelCache.key(new CompileRequest(SOURCE, 90, List.of("H=1"), false, List.of()), "nvrtc 13.0"))
                .isNotEqualTo(key);
        assertThat(KernelCache.key(new CompileRequest(SOURCE, 90, List.of(), true, List.of()), "nvrtc 13.0"))
                .isNotEqualTo(key);
        KernelSource otherHeader = new KernelSource("op.cu", SOURCE.source(), Map.of("common.cuh", "#define X 2\n"));
        assertThat(KernelCache.key(CompileRequest.of(otherHeader, 90), "nvrtc 13.0"))
                .isNotEqualTo(key);
        KernelSource otherSource = KernelSource.of("op.cu", "// changed\n");
        assertThat(KernelCache.key(CompileRequest.of(otherSource, 90), "nvrtc 13.0"))
                .isNotEqualTo(key);
        assertThat(KernelCache.key(CompileRequest.of(SOURCE, 90), "nvrtc 13.0")).isEqualTo(key);
    }

    @Test
    void anUnwritableFolderStillCompiles(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        FakeCompiler compiler = new FakeCompiler();
        KernelCache cache = new KernelCache(file.resolve("cubin"), compiler);
        assertThat(cache.cubin(CompileRequest.of(SOURCE, 90))).isNotEmpty();
        assertThat(cache.cubin(CompileRequest.of(SOURCE, 90))).isNotEmpty();
        assertThat(compiler.calls).isEqualTo(2);
    }

    @Test
    void defaultFolderEndsInCubin() {
        assertThat(KernelCache.defaultDirectory().getFileName().toString()).isEqualTo("cubin");
    }
}

package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real NVRTC: needs libnvrtc.so.13 (and, through JavaCPP's cudart preset, libcudart.so.13 and libcuda.so.1). */
class NvrtcCompilerTest {
    static final KernelSource AXPB = new KernelSource(
            "axpb.cu",
            "#include \"axpb.cuh\"\n"
                    + "// y[i] = a * x[i] + b over n floats\n"
                    + "extern \"C\" __global__ void axpb_kernel(const float* x, float* y, float a, float b, int n) {\n"
                    + "    int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
                    + "    if (i < n) y[i] = AXPB(a, x[i], b);\n"
                    + "}\n",
            Map.of("axpb.cuh", "#pragma once\n#define AXPB(a, x, b) fmaf((a), (x), (b))\n"));

    @BeforeEach
    void needsGpu() {
        GpuTests.requireGpu(); // NVRTC itself needs no device, but the same rule decides: Gpu loads NVRTC too
    }

    @Test
    void compilesToAnSm90CubinAndCachesIt(@TempDir Path dir) {
        NvrtcCompiler nvrtc = NvrtcCompiler.create();
        assertThat(nvrtc.version()).startsWith("nvrtc 13.");
        KernelCache cache = new KernelCache(dir, nvrtc);
        CompileRequest request = new CompileRequest(AXPB, 90, List.of("UNUSED=1"), false, List.of());
        byte[] cubin = cache.cubin(request);
        assertThat(cubin).startsWith(0x7F, 'E', 'L', 'F');
        assertThat(cache.compilations()).isEqualTo(1);
        KernelCache restarted = new KernelCache(dir, nvrtc);
        assertThat(restarted.cubin(request)).isEqualTo(cubin);
        assertThat(restarted.compilations()).isZero();
    }

    @Test
    void aCompileErrorCarriesTheLog() {
        KernelSource broken =
                KernelSource.of("broken.cu", "extern \"C\" __global__ void k() { undefined_name = 1; }\n");
        assertThatThrownBy(() -> NvrtcCompiler.create().compile(CompileRequest.of(broken, 90)))
                .isInstanceOfSatisfying(
                        CudaException.class, e -> assertThat(e.errorName()).isEqualTo("NVRTC_ERROR_COMPILATION"))
                .hasMessageContaining("nvrtcCompileProgram(broken.cu")
                .hasMessageContaining("undefined_name");
    }
}

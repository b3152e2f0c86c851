package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.nvrtc.NVRTC_SUCCESS;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBIN;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBINSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;

import java.nio.charset.StandardCharsets;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Test-only CUDA helpers over JavaCPP's cudart (runtime and driver) and NVRTC presets, and the one
 * call with which this module's GPU tests ask for CUPTI ({@link #requireCupti()}).
 */
final class Cuda {
    static final String PROBE_NAME = "fusescope_probe";
    private static final String PROBE = "extern \"C\" __global__ void fusescope_probe(int* out) {\n"
            + "  int i = (blockIdx.y * gridDim.x + blockIdx.x) * blockDim.x + threadIdx.x;\n"
            + "  out[i] += 1;\n"
            + "}\n";

    private Cuda() {}

    /**
     * Returns when CUPTI loads; otherwise skips the test (no NVIDIA driver) or fails it (a broken CUDA
     * setup, or a GPU required), with the reason: {@link CuptiTestRule}'s decision.
     */
    static void requireCupti() {
        apply(CuptiTestRule.forThisProcess());
    }

    static void apply(CuptiTestRule.Decision decision) {
        switch (decision.verdict()) {
            case RUN -> {}
            case SKIP -> Assumptions.abort(decision.message());
            case FAIL -> Assertions.fail(decision.message());
        }
    }

    /** Throws unless a runtime ({@code cudaError_t}) or driver ({@code CUresult}) call returned 0. */
    static void check(int result, String call) {
        if (result != CUDA_SUCCESS) {
            throw new IllegalStateException(call + " failed with " + result);
        }
    }

    /** The probe kernel as a cubin for compute capability {@code cc} (e.g. 90). */
    static byte[] compileProbe(int cc) {
        _nvrtcProgram program = new _nvrtcProgram();
        checkNvrtc(
                nvrtcCreateProgram(
                        program,
                        new BytePointer(PROBE, StandardCharsets.UTF_8),
                        new BytePointer("probe.cu", StandardCharsets.UTF_8),
                        0,
                        (PointerPointer<?>) null,
                        (PointerPointer<?>) null),
                "nvrtcCreateProgram");
        try {
            PointerPointer<?> options = new PointerPointer<>(new String[] {"--gpu-architecture=sm_" + cc});
            int result = nvrtcCompileProgram(program, 1, options);
            if (result != NVRTC_SUCCESS) {
                SizeTPointer logSize = new SizeTPointer(1);
                nvrtcGetProgramLogSize(program, logSize);
                byte[] log = new byte[(int) Math.max(1, logSize.get())];
                nvrtcGetProgramLog(program, log);
                throw new IllegalStateException(
                        "nvrtcCompileProgram failed with " + result + ": " + new String(log, StandardCharsets.UTF_8));
            }
            SizeTPointer size = new SizeTPointer(1);
            checkNvrtc(nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize");
            byte[] cubin = new byte[Math.toIntExact(size.get())];
            checkNvrtc(nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN");
            return cubin;
        } finally {
            nvrtcDestroyProgram(program);
        }
    }

    /** Loads a cubin into the current context and looks up a kernel (the module stays loaded). */
    static CUfunc_st loadKernel(byte[] cubin, String name) {
        CUmod_st module = new CUmod_st();
        BytePointer image = new BytePointer(cubin); // kept reachable until the load returns
        check(cuModuleLoadData(module, image), "cuModuleLoadData");
        CUfunc_st function = new CUfunc_st();
        check(cuModuleGetFunction(function, module, name), "cuModuleGetFunction");
        image.close();
        return function;
    }

    private static void checkNvrtc(int result, String call) {
        if (result != NVRTC_SUCCESS) {
            throw new IllegalStateException(call + " failed with " + result);
        }
    }
}

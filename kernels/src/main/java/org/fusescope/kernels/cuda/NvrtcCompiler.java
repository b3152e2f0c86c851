package org.fusescope.kernels.cuda;

import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcDestroyProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBIN;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetCUBINSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcVersion;
import static org.fusescope.kernels.cuda.CudaCheck.checkNvrtc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * CUDA C → cubin for one architecture with NVRTC (JavaCPP's binding of {@code libnvrtc.so.13}).
 * Needs no GPU, but JavaCPP's NVRTC preset inherits its cudart preset, so loading it also needs
 * {@code libcudart.so.13} and {@code libcuda.so.1}. A failed compile throws a {@link CudaException}
 * whose message holds the compile log.
 *
 * <p>Thread-safe: NVRTC programs are independent and this class keeps no state but the version.
 */
public final class NvrtcCompiler implements KernelCache.Compiler {
    private static String loadFailure;

    private final String version;

    private NvrtcCompiler(String version) {
        this.version = version;
    }

    /**
     * Loads NVRTC.
     *
     * @throws GpuUnavailableException when the NVRTC binding cannot be loaded, saying why
     */
    public static NvrtcCompiler create() {
        if (!isAvailable()) {
            throw new GpuUnavailableException(unavailableReason(), null);
        }
        int[] major = {0};
        int[] minor = {0};
        checkNvrtc(nvrtcVersion(major, minor), "nvrtcVersion");
        return new NvrtcCompiler("nvrtc " + major[0] + "." + minor[0]);
    }

    /** Whether NVRTC loads in this process (independent of a GPU being present). */
    public static boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    /** Why NVRTC does not load, with where its libraries were looked for; empty when it does. */
    public static synchronized String unavailableReason() {
        if (loadFailure == null) {
            String failure = Gpu.loadJavacpp(nvrtc.class, "libnvrtc.so.13");
            loadFailure = failure.isEmpty()
                    ? ""
                    : "NVRTC unavailable: " + failure + ". "
                            + LibrarySearch.report(List.of("libnvrtc.so.13", "libcudart.so.13", "libcuda.so.1"));
        }
        return loadFailure;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    @SuppressWarnings("try") // the scope frees every JavaCPP allocation made inside it
    public byte[] compile(CompileRequest request) {
        KernelSource source = request.source();
        List<String> options = new ArrayList<>(request.options());
        // where the toolkit headers are is a property of this machine, not of the request: it stays out of the cache
        // key
        CudaHeaders.find().ifPresent(dir -> options.add("--include-path=" + dir));
        try (PointerScope scope = new PointerScope()) {
            _nvrtcProgram program = new _nvrtcProgram();
            int headerCount = source.headers().size();
            PointerPointer<?> headers =
                    headerCount == 0 ? null : strings(source.headers().values());
            PointerPointer<?> includeNames =
                    headerCount == 0 ? null : strings(source.headers().keySet());
            checkNvrtc(
                    nvrtcCreateProgram(
                            program,
                            new BytePointer(source.source(), StandardCharsets.UTF_8),
                            new BytePointer(source.name(), StandardCharsets.UTF_8),
                            headerCount,
                            headers,
                            includeNames),
                    "nvrtcCreateProgram",
                    source.name(),
                    "headers=" + source.headers().keySet());
            try {
                int result = nvrtcCompileProgram(program, options.size(), strings(options));
                if (result != nvrtc.NVRTC_SUCCESS) {
                    throw CudaCheck.failure(
                            CudaException.Api.NVRTC,
                            result,
                            StatusNames.nvrtc(result),
                            "nvrtcCompileProgram",
                            new Object[] {source.name(), options},
                            "compile log:\n" + log(program)
                                    + (CudaHeaders.find().isPresent()
                                            ? ""
                                            : "\n(no CUDA include directory with " + CudaHeaders.MARKER
                                                    + " found; looked in " + CudaHeaders.candidates() + ")"));
                }
                SizeTPointer size = new SizeTPointer(1);
                checkNvrtc(nvrtcGetCUBINSize(program, size), "nvrtcGetCUBINSize", source.name());
                byte[] cubin = new byte[Math.toIntExact(size.get())];
                checkNvrtc(nvrtcGetCUBIN(program, cubin), "nvrtcGetCUBIN", source.name());
                return cubin;
            } finally {
                nvrtcDestroyProgram(program);
            }
        }
    }

    private static PointerPointer<?> strings(java.util.Collection<String> values) {
        return new PointerPointer<>(values.toArray(new String[0]), StandardCharsets.UTF_8);
    }

    private static String log(_nvrtcProgram program) {
        SizeTPointer size = new SizeTPointer(1);
        if (nvrtcGetProgramLogSize(program, size) != nvrtc.NVRTC_SUCCESS || size.get() <= 1) {
            return "(empty)";
        }
        byte[] log = new byte[Math.toIntExact(size.get())];
        nvrtcGetProgramLog(program, log);
        return new String(log, 0, log.length - 1, StandardCharsets.UTF_8);
    }
}

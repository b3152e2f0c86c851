package org.fusescope.kernels.bench;

import org.fusescope.kernels.cuda.CompileRequest;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelCache;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.cuda.KernelModule;
import org.fusescope.kernels.cuda.KernelSource;
import org.fusescope.kernels.cuda.NvrtcCompiler;

/**
 * A streaming copy kernel (16-byte loads and stores, grid-stride): what the SMs themselves reach on
 * HBM, which is the bandwidth our memory-bound kernels can hope for. A copy engine's
 * cuMemcpyDtoD may be slower. Not thread-safe.
 */
public final class CopyKernel implements AutoCloseable {
    private static final KernelSource SOURCE = KernelSource.of(
            "copy.cu",
            "extern \"C\" __global__ void copy_kernel(const uint4* __restrict__ src, uint4* __restrict__ dst,"
                    + " long long n) {\n"
                    + "    long long stride = (long long)gridDim.x * blockDim.x;\n"
                    + "    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)"
                    + " dst[i] = src[i];\n"
                    + "}\n");

    private final KernelModule module;
    private final CudaFunction function;
    private final int blocks;

    public CopyKernel(CudaContext context) {
        KernelCache cache = new KernelCache(KernelCache.defaultDirectory(), NvrtcCompiler.create());
        module = KernelModule.load("copy", cache.cubin(CompileRequest.of(SOURCE, context.smArchitecture())));
        function = module.function("copy_kernel");
        blocks = 4 * context.properties().multiprocessorCount();
    }

    /** Enqueues a copy of all of {@code src} into {@code dst} (same size, a multiple of 16 bytes). */
    public void launch(CudaStream stream, DeviceBuffer src, DeviceBuffer dst) {
        if (src.bytes() != dst.bytes() || src.bytes() % 16 != 0) {
            throw new IllegalArgumentException(
                    "copy needs equal sizes that are multiples of 16 bytes: " + src + ", " + dst);
        }
        KernelLauncher.launch(function, Dim.of(blocks), Dim.of(1024), 0, stream, src, dst, src.bytes() / 16);
    }

    @Override
    public void close() {
        module.close();
    }
}

package org.fusescope.kernels.bench;

import org.fusescope.kernels.cuda.CompileRequest;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelCache;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.cuda.KernelModule;
import org.fusescope.kernels.cuda.KernelSource;
import org.fusescope.kernels.cuda.NvrtcCompiler;

/** An empty kernel: the floor of any launch, against which decode-size kernels are judged. */
public final class EmptyKernel implements AutoCloseable {
    private static final KernelSource SOURCE =
            KernelSource.of("empty.cu", "extern \"C\" __global__ void empty_kernel() {}\n");

    private final KernelModule module;
    private final CudaFunction function;

    public EmptyKernel(CudaContext context) {
        KernelCache cache = new KernelCache(KernelCache.defaultDirectory(), NvrtcCompiler.create());
        module = KernelModule.load("empty", cache.cubin(CompileRequest.of(SOURCE, context.smArchitecture())));
        function = module.function("empty_kernel");
    }

    /** Enqueues one launch of one block of 32 threads. */
    public void launch(CudaStream stream) {
        KernelLauncher.launch(function, Dim.of(1), Dim.of(32), 0, stream);
    }

    @Override
    public void close() {
        module.close();
    }
}

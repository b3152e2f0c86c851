package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.kernels.cuda.GpuTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the GPU kernel tests: one context, stream and library per test class; skipped only without
 * an NVIDIA driver, failed for a broken CUDA setup ({@link GpuTests}).
 */
abstract class GpuFixture {
    static final float EPS = 1e-6f;

    static CudaContext context;
    static CudaStream stream;
    static KernelLibrary lib;

    @BeforeAll
    static void openGpu() {
        if (Gpu.isAvailable()) {
            context = CudaContext.open(0);
            stream = CudaStream.create();
            lib = KernelLibrary.open(context);
        }
    }

    @BeforeEach
    void needsGpu() {
        GpuTests.requireGpu();
        context.makeCurrent();
    }

    /**
     * Waits for the synchronous uploads: cuMemcpyHtoD from pageable memory may return before its DMA
     * lands, and it runs on the legacy stream, which kernels on a non-blocking stream do not wait for.
     */
    static void inputsReady() {
        context.synchronize();
    }

    @AfterAll
    static void closeGpu() {
        if (context != null) {
            lib.close();
            stream.close();
            context.close();
            context = null;
        }
    }
}

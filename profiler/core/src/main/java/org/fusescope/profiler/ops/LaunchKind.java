package org.fusescope.profiler.ops;

/** What one launch of an op runs on the GPU. */
public enum LaunchKind {
    /** One of our kernels (CUDA C compiled with NVRTC). */
    KERNEL,
    /** A cuBLAS GEMM or GEMV. */
    CUBLAS
}

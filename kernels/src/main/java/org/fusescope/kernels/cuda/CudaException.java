package org.fusescope.kernels.cuda;

/**
 * A CUDA driver, NVRTC or cuBLAS call returned an error. The message names the call, its arguments,
 * the library's error name and the numeric code, e.g. {@code cuMemAlloc(bytes=1024) failed:
 * CUDA_ERROR_OUT_OF_MEMORY (2)}.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which library returned the status code. */
    public enum Api {
        /** The CUDA driver API ({@code CUresult}). */
        DRIVER,
        /** The run-time compiler ({@code nvrtcResult}). */
        NVRTC,
        /** cuBLAS ({@code cublasStatus_t}). */
        CUBLAS
    }

    private final Api api;
    private final String call;
    private final int result;
    private final String errorName;

    CudaException(Api api, String call, int result, String errorName, String message) {
        super(message);
        this.api = api;
        this.call = call;
        this.result = result;
        this.errorName = errorName;
    }

    /** The library that failed. */
    public Api api() {
        return api;
    }

    /** The function name that failed, e.g. {@code cuMemAlloc}. */
    public String call() {
        return call;
    }

    /** The numeric status code the call returned. */
    public int result() {
        return result;
    }

    /** The symbolic status, e.g. {@code CUDA_ERROR_OUT_OF_MEMORY}. */
    public String errorName() {
        return errorName;
    }
}

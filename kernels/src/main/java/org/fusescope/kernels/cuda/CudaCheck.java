package org.fusescope.kernels.cuda;

import java.util.Arrays;
import java.util.stream.Collectors;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The one place where CUDA status codes become exceptions. Every driver ({@code CUresult}), NVRTC
 * ({@code nvrtcResult}) and cuBLAS ({@code cublasStatus_t}) result goes through {@link #check},
 * {@link #checkNvrtc} or {@link #checkCublas}; a non-zero code throws a {@link CudaException} that
 * names the call, its arguments and the error.
 *
 * <p>Stateless; safe from any thread.
 */
public final class CudaCheck {
    private CudaCheck() {}

    /**
     * Checks a driver API result.
     *
     * @param result the {@code CUresult} returned by the call
     * @param call the function name, e.g. {@code "cuMemAlloc"}
     * @param args the arguments worth reporting, in order (use {@code "name=" + value} for clarity)
     * @throws CudaException when {@code result != CUDA_SUCCESS}
     */
    public static void check(int result, String call, Object... args) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw failure(CudaException.Api.DRIVER, result, driverErrorName(result), call, args);
        }
    }

    /** Checks an {@code nvrtcResult}; see {@link #check}. */
    public static void checkNvrtc(int result, String call, Object... args) {
        if (result != 0) {
            throw failure(CudaException.Api.NVRTC, result, StatusNames.nvrtc(result), call, args);
        }
    }

    /** Checks a {@code cublasStatus_t}; see {@link #check}. */
    public static void checkCublas(int result, String call, Object... args) {
        if (result != 0) {
            throw failure(CudaException.Api.CUBLAS, result, StatusNames.cublas(result), call, args);
        }
    }

    /**
     * Builds the exception without throwing it, for callers that add context (an NVRTC log).
     *
     * @param detail appended to the message on its own lines, or {@code null}
     */
    static CudaException failure(
            CudaException.Api api, int result, String name, String call, Object[] args, String detail) {
        String message = call + "(" + formatArgs(args) + ") failed: " + name + " (" + result + ")";
        if (detail != null && !detail.isBlank()) {
            message += "\n" + detail.strip();
        }
        return new CudaException(api, call, result, name, message);
    }

    private static CudaException failure(CudaException.Api api, int result, String name, String call, Object[] args) {
        return failure(api, result, name, call, args, null);
    }

    static String formatArgs(Object... args) {
        if (args == null) {
            return "";
        }
        return Arrays.stream(args)
                .map(a -> Arrays.deepToString(new Object[] {a}))
                .map(s -> s.substring(1, s.length() - 1))
                .collect(Collectors.joining(", "));
    }

    /**
     * The driver's own name for a result ({@code cuGetErrorName}) once the driver is loaded; before
     * that (and in tests without a GPU) JCuda's Java table, which holds the same names.
     */
    static String driverErrorName(int result) {
        if (Gpu.driverLoaded()) {
            String[] name = new String[1];
            if (JCudaDriver.cuGetErrorName(result, name) == CUresult.CUDA_SUCCESS && name[0] != null) {
                return name[0];
            }
        }
        return CUresult.stringFor(result);
    }
}

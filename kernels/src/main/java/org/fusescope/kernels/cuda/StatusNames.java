package org.fusescope.kernels.cuda;

import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.nvrtc;

/**
 * Names of NVRTC and cuBLAS status codes. The constants are compile-time ints, so this touches
 * neither JavaCPP class and works without the CUDA libraries (an error path must not fail on a
 * missing library).
 */
final class StatusNames {
    private StatusNames() {}

    static String nvrtc(int result) {
        return switch (result) {
            case nvrtc.NVRTC_SUCCESS -> "NVRTC_SUCCESS";
            case nvrtc.NVRTC_ERROR_OUT_OF_MEMORY -> "NVRTC_ERROR_OUT_OF_MEMORY";
            case nvrtc.NVRTC_ERROR_PROGRAM_CREATION_FAILURE -> "NVRTC_ERROR_PROGRAM_CREATION_FAILURE";
            case nvrtc.NVRTC_ERROR_INVALID_INPUT -> "NVRTC_ERROR_INVALID_INPUT";
            case nvrtc.NVRTC_ERROR_INVALID_PROGRAM -> "NVRTC_ERROR_INVALID_PROGRAM";
            case nvrtc.NVRTC_ERROR_INVALID_OPTION -> "NVRTC_ERROR_INVALID_OPTION";
            case nvrtc.NVRTC_ERROR_COMPILATION -> "NVRTC_ERROR_COMPILATION";
            case nvrtc.NVRTC_ERROR_BUILTIN_OPERATION_FAILURE -> "NVRTC_ERROR_BUILTIN_OPERATION_FAILURE";
            case nvrtc.NVRTC_ERROR_INTERNAL_ERROR -> "NVRTC_ERROR_INTERNAL_ERROR";
            case nvrtc.NVRTC_ERROR_CANCELLED -> "NVRTC_ERROR_CANCELLED";
            default -> "NVRTC_ERROR_" + result;
        };
    }

    static String cublas(int result) {
        return switch (result) {
            case cublas.CUBLAS_STATUS_SUCCESS -> "CUBLAS_STATUS_SUCCESS";
            case cublas.CUBLAS_STATUS_NOT_INITIALIZED -> "CUBLAS_STATUS_NOT_INITIALIZED";
            case cublas.CUBLAS_STATUS_ALLOC_FAILED -> "CUBLAS_STATUS_ALLOC_FAILED";
            case cublas.CUBLAS_STATUS_INVALID_VALUE -> "CUBLAS_STATUS_INVALID_VALUE";
            case cublas.CUBLAS_STATUS_ARCH_MISMATCH -> "CUBLAS_STATUS_ARCH_MISMATCH";
            case cublas.CUBLAS_STATUS_MAPPING_ERROR -> "CUBLAS_STATUS_MAPPING_ERROR";
            case cublas.CUBLAS_STATUS_EXECUTION_FAILED -> "CUBLAS_STATUS_EXECUTION_FAILED";
            case cublas.CUBLAS_STATUS_INTERNAL_ERROR -> "CUBLAS_STATUS_INTERNAL_ERROR";
            case cublas.CUBLAS_STATUS_NOT_SUPPORTED -> "CUBLAS_STATUS_NOT_SUPPORTED";
            case cublas.CUBLAS_STATUS_LICENSE_ERROR -> "CUBLAS_STATUS_LICENSE_ERROR";
            default -> "CUBLAS_STATUS_" + result;
        };
    }
}

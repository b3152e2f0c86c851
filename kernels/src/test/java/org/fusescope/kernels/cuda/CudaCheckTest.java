package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CudaCheckTest {

    @Test
    void successPassesSilently() {
        assertThatCode(() -> {
                    CudaCheck.check(0, "cuInit", 0);
                    CudaCheck.checkNvrtc(0, "nvrtcCompileProgram");
                    CudaCheck.checkCublas(0, "cublasGemmEx");
                })
                .doesNotThrowAnyException();
    }

    @Test
    void driverFailureNamesCallArgumentsAndError() {
        assertThatThrownBy(() -> CudaCheck.check(2, "cuMemAlloc", "x", "bytes=1024"))
                .isInstanceOfSatisfying(CudaException.class, e -> {
                    assertThat(e).hasMessage("cuMemAlloc(x, bytes=1024) failed: CUDA_ERROR_OUT_OF_MEMORY (2)");
                    assertThat(e.api()).isEqualTo(CudaException.Api.DRIVER);
                    assertThat(e.call()).isEqualTo("cuMemAlloc");
                    assertThat(e.result()).isEqualTo(2);
                    assertThat(e.errorName()).isEqualTo("CUDA_ERROR_OUT_OF_MEMORY");
                });
    }

    @Test
    void nvrtcAndCublasNamesNeedNoNativeLibrary() {
        assertThatThrownBy(() -> CudaCheck.checkNvrtc(6, "nvrtcCompileProgram", "saxpy.cu"))
                .hasMessage("nvrtcCompileProgram(saxpy.cu) failed: NVRTC_ERROR_COMPILATION (6)");
        assertThatThrownBy(() -> CudaCheck.checkCublas(7, "cublasGemmEx", "m=512"))
                .isInstanceOfSatisfying(
                        CudaException.class, e -> assertThat(e.api()).isEqualTo(CudaException.Api.CUBLAS))
                .hasMessage("cublasGemmEx(m=512) failed: CUBLAS_STATUS_INVALID_VALUE (7)");
        assertThat(StatusNames.cublas(99)).isEqualTo("CUBLAS_STATUS_99");
    }

    @Test
    void argumentsFormatArraysAndNulls() {
        assertThat(CudaCheck.formatArgs(new long[] {3, 256}, null, 1.5f, new int[0]))
                .isEqualTo("[3, 256], null, 1.5, []");
        assertThat(CudaCheck.formatArgs()).isEmpty();
    }

    @Test
    void detailGoesOnItsOwnLines() {
        CudaException e = CudaCheck.failure(
                CudaException.Api.NVRTC,
                6,
                "NVRTC_ERROR_COMPILATION",
                "nvrtcCompileProgram",
                new Object[] {"a.cu"},
                "compile log:\na.cu(3): error: identifier \"y\" is undefined\n");
        assertThat(e.getMessage())
                .isEqualTo("nvrtcCompileProgram(a.cu) failed: NVRTC_ERROR_COMPILATION (6)\n"
                        + "compile log:\na.cu(3): error: identifier \"y\" is undefined");
    }
}

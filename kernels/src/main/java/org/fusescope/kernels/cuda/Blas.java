package org.fusescope.kernels.cuda;

import static org.bytedeco.cuda.global.cublas.CUBLAS_COMPUTE_32F;
import static org.bytedeco.cuda.global.cublas.CUBLAS_GEMM_DEFAULT;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasCreate_v2;
import static org.bytedeco.cuda.global.cublas.cublasDestroy_v2;
import static org.bytedeco.cuda.global.cublas.cublasGemmEx;
import static org.bytedeco.cuda.global.cublas.cublasSetStream_v2;
import static org.bytedeco.cuda.global.cudart.CUDA_R_16BF;
import static org.bytedeco.cuda.global.cudart.CUDA_R_32F;
import static org.fusescope.kernels.cuda.CudaCheck.checkCublas;

import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Dense GEMMs through cuBLAS (JavaCPP binding of {@code libcublas.so.13}): bf16 inputs, fp32
 * accumulation ({@code CUBLAS_COMPUTE_32F}), bf16 or fp32 output, default math mode.
 *
 * <p>Create, use and close it on a thread that has the {@link CudaContext} current: the cuBLAS
 * handle belongs to the context that was current at {@code cublasCreate}. Not thread-safe (the
 * stream is bound to the handle per call).
 */
public final class Blas implements AutoCloseable {
    private final cublasContext handle = new cublasContext();
    private final FloatPointer one = new FloatPointer(1f);
    private final FloatPointer zero = new FloatPointer(0f);
    private boolean closed;
    /** The stream the handle is bound to (0: the default stream, which a new handle uses). */
    private long boundStream;

    private Blas() {
        checkCublas(cublasCreate_v2(handle), "cublasCreate_v2");
    }

    /**
     * Creates a cuBLAS handle in the current context.
     *
     * @throws GpuUnavailableException when there is no usable GPU or cuBLAS library
     */
    public static Blas create() {
        Gpu.probe();
        return new Blas();
    }

    /**
     * {@code y = x · wᵀ}, the layout of a linear layer (weights stored {@code [out, in]}).
     *
     * @param x {@code [M, K]} bf16
     * @param w {@code [N, K]} bf16
     * @param y {@code [M, N]} bf16 or f32, overwritten
     */
    public void linear(CudaStream stream, DeviceBuffer x, DeviceBuffer w, DeviceBuffer y) {
        GemmShape s = GemmShape.linear(x, w, y);
        // cuBLAS is column-major. A row-major [R, C] matrix is the column-major [C, R] matrix, its
        // transpose, with leading dimension C. So row-major y[M,N] = x[M,K]·w[N,K]ᵀ is column-major
        // yᵀ[N,M] = w·xᵀ, where cuBLAS sees w's memory as wᵀ (K×N, ld K) and x's as xᵀ (K×M, ld K):
        // C = op(A)·op(B) with A = w, op T (→ N×K); B = x, op N (K×M); C = y (N×M, ld N).
        bind(stream);
        checkCublas(
                cublasGemmEx(
                        handle,
                        CUBLAS_OP_T,
                        CUBLAS_OP_N,
                        s.n(),
                        s.m(),
                        s.k(),
                        one,
                        new Handles.Address(w.address()),
                        CUDA_R_16BF,
                        s.k(),
                        new Handles.Address(x.address()),
                        CUDA_R_16BF,
                        s.k(),
                        zero,
                        new Handles.Address(y.address()),
                        y.dtype() == DType.F32 ? CUDA_R_32F : CUDA_R_16BF,
                        s.n(),
                        CUBLAS_COMPUTE_32F,
                        CUBLAS_GEMM_DEFAULT),
                "cublasGemmEx",
                "OP_T",
                "OP_N",
                "m=" + s.n(),
                "n=" + s.m(),
                "k=" + s.k(),
                "y=" + y);
    }

    /**
     * Binds the handle to {@code stream} when it is bound to another one ({@code cublasSetStream} also
     * resets the handle's workspace; there is no need to repeat it before every GEMM).
     */
    private void bind(CudaStream stream) {
        if (stream.address() != boundStream) {
            checkCublas(
                    cublasSetStream_v2(handle, new CUstream_st(new Handles.Address(stream.address()))),
                    "cublasSetStream_v2");
            boundStream = stream.address();
        }
    }

    /** {@link #linear} with one output feature: {@code x [M,K]}, {@code w [1,K]}, {@code y [M,1]}. */
    public void gemv(CudaStream stream, DeviceBuffer x, DeviceBuffer w, DeviceBuffer y) {
        if (w.shape().length != 2 || w.shape()[0] != 1) {
            throw new IllegalArgumentException("gemv needs w of shape [1, K], got " + w);
        }
        linear(stream, x, w, y);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            checkCublas(cublasDestroy_v2(handle), "cublasDestroy_v2");
            one.close();
            zero.close();
        }
    }
}

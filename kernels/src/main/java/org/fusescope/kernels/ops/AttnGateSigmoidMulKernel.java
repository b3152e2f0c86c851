package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * {@code attn_gate_sigmoid_mul.cu}: {@code attn *= sigmoid(gate)} in place (fusion {@code
 * sigmoid_mul} for the attention output gate), reading the gate from the q projection's per-head
 * {@code [query | gate]} layout. {@link SigmoidMulKernel} cannot: its gate must be a contiguous
 * {@code [rows, cols]} or {@code [rows, 1]}. Immutable; launch from the thread that has the context
 * current.
 */
public final class AttnGateSigmoidMulKernel {
    private final CudaFunction function;
    private final AttentionDims dims;

    public AttnGateSigmoidMulKernel(KernelLibrary lib, AttentionDims dims) {
        this.function = lib.function("attn_gate_sigmoid_mul", "attn_gate_sigmoid_mul_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the gate (block 256, grid-stride over 8-element vectors).
     *
     * @param qProj the q projection, per query head {@code [query (D) | gate (D)]}: {@code Hq·2D} columns
     * @param attn {@code [rows, Hq·D]} bf16, the attention output, updated in place
     */
    public void launch(CudaStream stream, ColumnSlice qProj, DeviceBuffer attn, int rows) {
        AttnGateLaunch.launch(function, dims, stream, qProj, "attn", attn, rows);
    }

    /** Reads the gate and attn, writes attn; 5 FLOPs per element (sigmoid 4, multiply 1). */
    public static Work work(AttentionDims dims, int rows) {
        long n = (long) rows * dims.queryHeads() * dims.headDim();
        return ElementwiseWork.bf16(2 * n, n, 5 * n);
    }
}

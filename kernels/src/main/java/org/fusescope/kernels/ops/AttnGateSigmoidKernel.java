package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * {@code attn_gate_sigmoid.cu}: {@code sig = sigmoid(gate)} for the attention output gate (unfused
 * path; {@link MulKernel} then multiplies), reading the gate from the q projection's per-head
 * {@code [query | gate]} layout and writing it contiguous {@code [rows, Hq·D]}. {@link SigmoidKernel}
 * cannot: the gate is not a contiguous block of each row. Immutable; launch from the thread that
 * has the context current.
 */
public final class AttnGateSigmoidKernel {
    private final CudaFunction function;
    private final AttentionDims dims;

    public AttnGateSigmoidKernel(KernelLibrary lib, AttentionDims dims) {
        this.function = lib.function("attn_gate_sigmoid", "attn_gate_sigmoid_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the sigmoid (block 256, grid-stride over 8-element vectors).
     *
     * @param qProj the q projection, per query head {@code [query (D) | gate (D)]}: {@code Hq·2D} columns
     * @param out {@code [rows, Hq·D]} bf16, written
     */
    public void launch(CudaStream stream, ColumnSlice qProj, DeviceBuffer out, int rows) {
        AttnGateLaunch.launch(function, dims, stream, qProj, "out", out, rows);
    }

    /** Reads the gate, writes the sigmoid; 4 FLOPs per element (as {@link SigmoidKernel} counts). */
    public static Work work(AttentionDims dims, int rows) {
        long n = (long) rows * dims.queryHeads() * dims.headDim();
        return ElementwiseWork.bf16(n, n, 4 * n);
    }
}

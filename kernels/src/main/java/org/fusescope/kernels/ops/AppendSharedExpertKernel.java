package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code append_shared_expert.cu}: ids/weights {@code [M, K]} become {@code [M, K+1]} with slot K =
 * expert E (the shared expert) weighted {@code sigmoid(g)} (fusion {@code shared_as_expert}).
 * Immutable; launch from the thread that has the context current.
 */
public final class AppendSharedExpertKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public AppendSharedExpertKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("append_shared_expert", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the kernel: block 256, one thread per output slot.
     *
     * @param idsIn {@code [tokens, K]} int32
     * @param weightsIn {@code [tokens, K]} fp32
     * @param gate {@code [tokens, 1]} bf16 or fp32, the shared-expert gate logit
     * @param idsOut {@code [tokens, K+1]} int32, written
     * @param weightsOut {@code [tokens, K+1]} fp32, written
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer idsIn,
            DeviceBuffer weightsIn,
            DeviceBuffer gate,
            DeviceBuffer idsOut,
            DeviceBuffer weightsOut,
            int tokens) {
        Args.positive("tokens", tokens);
        int k = dims.topK();
        Args.buffer("idsIn", idsIn, DType.I32, tokens, k);
        Args.buffer("weightsIn", weightsIn, DType.F32, tokens, k);
        DType gateType = Args.bf16OrF32("gate", gate, tokens, 1);
        Args.buffer("idsOut", idsOut, DType.I32, tokens, k + 1);
        Args.buffer("weightsOut", weightsOut, DType.F32, tokens, k + 1);
        KernelLauncher.launch(
                function,
                Grids.perItem((long) tokens * (k + 1)),
                Grids.BLOCK_256,
                0,
                stream,
                idsIn,
                weightsIn,
                gate,
                gateType == DType.F32 ? 1 : 0,
                idsOut,
                weightsOut,
                tokens,
                k,
                dims.experts());
    }

    /** Reads K slots and the gate per token, writes K + 1 slots (8 bytes each); a sigmoid per token. */
    public static Work work(ModelDims dims, int tokens, DType gateType) {
        return new Work(
                8L * tokens * dims.topK() + (long) tokens * gateType.bytes(),
                8L * tokens * (dims.topK() + 1),
                4L * tokens);
    }
}

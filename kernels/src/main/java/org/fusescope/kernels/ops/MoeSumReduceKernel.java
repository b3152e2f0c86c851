package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code moe_sum_reduce.cu}: {@code out[t] = Σ_{k<K'} h2[t*K' + k]} (MoE step 9), K' = {@code
 * dims.slotsPerToken()}. Immutable; launch from the thread that has the context current.
 */
public final class MoeSumReduceKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public MoeSumReduceKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("moe_sum_reduce", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the kernel (block 256, grid-stride over 8-element vectors of out).
     *
     * @param h2 {@code [tokens*K', H]} bf16, slot-major
     * @param out {@code [tokens, H]} bf16, written
     */
    public void launch(CudaStream stream, DeviceBuffer h2, DeviceBuffer out, int tokens) {
        Args.positive("tokens", tokens);
        int kp = dims.slotsPerToken();
        Args.buffer("h2", h2, DType.BF16, Args.product("tokens * K'", tokens, kp), dims.hidden());
        Args.buffer("out", out, DType.BF16, tokens, dims.hidden());
        KernelLauncher.launch(
                function,
                Grids.vec8((long) tokens * dims.hidden()),
                Grids.BLOCK_256,
                0,
                stream,
                h2,
                out,
                tokens,
                dims.hidden(),
                kp);
    }

    /** Reads {@code M * K' * H}, writes {@code M * H} bf16; {@code M * K' * H} additions. */
    public static Work work(ModelDims dims, int tokens) {
        long out = (long) tokens * dims.hidden();
        long in = out * dims.slotsPerToken();
        return ElementwiseWork.bf16(in, out, in);
    }
}

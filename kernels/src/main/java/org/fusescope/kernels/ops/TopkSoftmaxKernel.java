package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.Launcher;

/**
 * {@code topk_softmax.cu}: router logits to the top-K expert ids and routing weights (MoE step 4),
 * compiled for {@code EXPERTS = E}, {@code TOPK = K}. Immutable; launch from the thread that has
 * the context current.
 */
public final class TopkSoftmaxKernel {
    private final CudaFunction function;
    private final ModelDims dims;

    public TopkSoftmaxKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("topk_softmax", dims);
        this.dims = dims;
    }

    /**
     * Enqueues the kernel: one warp per token, block 128, grid {@code ceil(tokens / 4)}.
     *
     * @param logits {@code [tokens, E]} fp32 or bf16, finite
     * @param ids {@code [tokens, K]} int32, written in decreasing weight order
     * @param weights {@code [tokens, K]} fp32, written
     * @param renormalize whether the K weights sum to 1 (Qwen3-Next: true)
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer logits,
            DeviceBuffer ids,
            DeviceBuffer weights,
            int tokens,
            boolean renormalize) {
        Args.positive("tokens", tokens);
        DType logitsType = Args.bf16OrF32("logits", logits, tokens, dims.experts());
        Args.buffer("ids", ids, DType.I32, tokens, dims.topK());
        Args.buffer("weights", weights, DType.F32, tokens, dims.topK());
        Launcher.launch(
                function,
                Dim.of((tokens + 3) / 4),
                Dim.of(128),
                0,
                stream,
                logits,
                logitsType == DType.BF16 ? 1 : 0,
                ids,
                weights,
                tokens,
                renormalize ? 1 : 0);
    }

    /**
     * Reads the logits, writes ids and weights (8 bytes per slot); FLOPs: the max over E plus exp,
     * sum and divide over the K chosen (the top-K selection itself is comparisons, not counted).
     *
     * @param logitsType {@link DType#F32} or {@link DType#BF16}
     */
    public static Work work(ModelDims dims, int tokens, DType logitsType) {
        long slots = (long) tokens * dims.topK();
        return new Work(
                (long) tokens * dims.experts() * logitsType.bytes(),
                8 * slots,
                (long) tokens * dims.experts() + 3 * slots);
    }
}

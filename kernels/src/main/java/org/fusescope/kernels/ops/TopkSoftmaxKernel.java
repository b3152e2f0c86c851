package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code topk_softmax.cu}: router logits to the top-K expert ids and routing weights (MoE step 4),
 * compiled for {@code EXPERTS = E}, {@code TOPK = K}. Immutable; launch from the thread that has
 * the context current.
 */
public final class TopkSoftmaxKernel {
    private final CudaFunction function;
    private final CudaFunction withSharedExpert;
    private final SharedRowLayout sharedLayout;
    private final ModelDims dims;

    /** {@link #launchWithSharedExpert} with {@link SharedRowLayout#WARP_PER_ROW}. */
    public TopkSoftmaxKernel(KernelLibrary lib, ModelDims dims) {
        this(lib, dims, SharedRowLayout.WARP_PER_ROW);
    }

    /** {@link #launchWithSharedExpert} with the kernel of {@code sharedLayout} (only its source is compiled). */
    public TopkSoftmaxKernel(KernelLibrary lib, ModelDims dims, SharedRowLayout sharedLayout) {
        sharedLayout.block(dims); // refuses sizes the layout cannot take before anything compiles
        this.function = lib.function("topk_softmax", dims);
        this.withSharedExpert = lib.function(sharedLayout.source(), sharedLayout.entry(), dims);
        this.sharedLayout = sharedLayout;
        this.dims = dims;
    }

    /**
     * Row length of the router output when the shared-expert gate row rides along (fusion
     * {@code router_gate}): E + 1 rounded up to a multiple of 8, the rows past E + 1 zero.
     */
    public static int routerGateRows(ModelDims dims) {
        return (dims.experts() + 1 + 7) / 8 * 8;
    }

    /**
     * Enqueues {@code topk_softmax_shared_kernel}, or {@code topk_softmax_shared_wide_kernel} under
     * {@link SharedRowLayout#BLOCK_PER_ROW}: the top-K of columns {@code 0..E-1} of each logits row as
     * {@link #launch} does, plus slot K = the shared expert (id E) with weight {@code sigmoid(logits[t,
     * E])} — topk_softmax and append_shared_expert in one launch.
     *
     * @param logits {@code [tokens, ld]} fp32 or bf16 with {@code ld = }{@link #routerGateRows}: the
     *     router logits, then the shared-expert gate logit in column E
     * @param ids {@code [tokens, K + 1]} int32, written
     * @param weights {@code [tokens, K + 1]} fp32, written
     */
    public void launchWithSharedExpert(
            CudaStream stream,
            DeviceBuffer logits,
            DeviceBuffer ids,
            DeviceBuffer weights,
            int tokens,
            boolean renormalize) {
        launchShared(stream, logits, false, ids, weights, ids, weights, tokens, renormalize);
    }

    /**
     * {@link #launchWithSharedExpert} when a routing scenario decides: the top-K is computed all the
     * same, but slots {@code 0..K-1} take {@code scenarioIds} / {@code scenarioWeights} ({@code [tokens,
     * K]} int32 / fp32).
     */
    public void launchWithSharedExpert(
            CudaStream stream,
            DeviceBuffer logits,
            DeviceBuffer scenarioIds,
            DeviceBuffer scenarioWeights,
            DeviceBuffer ids,
            DeviceBuffer weights,
            int tokens,
            boolean renormalize) {
        Args.buffer("scenarioIds", scenarioIds, DType.I32, tokens, dims.topK());
        Args.buffer("scenarioWeights", scenarioWeights, DType.F32, tokens, dims.topK());
        launchShared(stream, logits, true, scenarioIds, scenarioWeights, ids, weights, tokens, renormalize);
    }

    private void launchShared(
            CudaStream stream,
            DeviceBuffer logits,
            boolean useScenario,
            DeviceBuffer scenarioIds,
            DeviceBuffer scenarioWeights,
            DeviceBuffer ids,
            DeviceBuffer weights,
            int tokens,
            boolean renormalize) {
        Args.positive("tokens", tokens);
        int ld = routerGateRows(dims);
        DType logitsType = Args.bf16OrF32("logits", logits, tokens, ld);
        Args.buffer("ids", ids, DType.I32, tokens, dims.topK() + 1);
        Args.buffer("weights", weights, DType.F32, tokens, dims.topK() + 1);
        KernelLauncher.launch(
                withSharedExpert,
                sharedLayout.grid(tokens),
                sharedLayout.block(dims),
                0,
                stream,
                logits,
                logitsType == DType.BF16 ? 1 : 0,
                ld,
                useScenario ? 1 : 0,
                scenarioIds,
                scenarioWeights,
                ids,
                weights,
                tokens,
                renormalize ? 1 : 0,
                dims.experts());
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
        KernelLauncher.launch(
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
        return work(dims, tokens, logitsType, false);
    }

    /** {@link #work}, or with {@code withSharedExpert} that of {@link #launchWithSharedExpert}. */
    public static Work work(ModelDims dims, int tokens, DType logitsType, boolean withSharedExpert) {
        if (withSharedExpert) {
            long slots = (long) tokens * (dims.topK() + 1);
            return new Work(
                    (long) tokens * (dims.experts() + 1) * logitsType.bytes(),
                    8 * slots,
                    (long) tokens * dims.experts() + 3L * tokens * dims.topK() + 4L * tokens);
        }
        long slots = (long) tokens * dims.topK();
        return new Work(
                (long) tokens * dims.experts() * logitsType.bytes(),
                8 * slots,
                (long) tokens * dims.experts() + 3 * slots);
    }
}

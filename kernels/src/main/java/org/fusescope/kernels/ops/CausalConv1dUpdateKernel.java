package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * {@code causal_conv1d_update.cu}: one decode step of the gated-delta-net causal depthwise conv +
 * SiLU over the q|k|v channels of the projection rows, the per-request state shifted in place
 * (unfused path; {@link GdnSplitKernel} follows). Compiled for {@link
 * LinearAttentionDims#definitions()}. The state is bf16: it only ever holds earlier conv inputs,
 * which are bf16 projection outputs, so bf16 loses nothing and halves its traffic against fp32.
 * Immutable; launch from the thread that has the context current.
 */
public final class CausalConv1dUpdateKernel {
    private final CudaFunction function;
    private final LinearAttentionDims dims;

    public CausalConv1dUpdateKernel(KernelLibrary lib, LinearAttentionDims dims) {
        GdnShapes.requireAlignedRows(dims);
        this.function = lib.function("causal_conv1d_update", "causal_conv1d_update_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the conv: block 128, 8 channels per thread, {@code ceil(convDim/1024)} blocks per token.
     *
     * @param projection {@code [tokens, projectionDim]} bf16 input-projection rows (the conv reads q|k|v)
     * @param weight {@code [convDim, W]} bf16, oldest tap first
     * @param bias {@code [convDim]} bf16, or null for none (Qwen3-Next)
     * @param state {@code [tokens, convDim, W-1]} bf16, one row per request, updated in place
     * @param y {@code [tokens, convDim]} bf16, written: q|k|v after conv + SiLU
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer projection,
            DeviceBuffer weight,
            DeviceBuffer bias,
            DeviceBuffer state,
            DeviceBuffer y,
            int tokens) {
        Args.positive("tokens", tokens);
        GdnShapes.projection(projection, dims, tokens);
        GdnShapes.convWeights(weight, bias, dims);
        GdnShapes.convState(state, dims, tokens);
        Args.buffer("y", y, DType.BF16, tokens, dims.convDim());
        KernelLauncher.launch(
                function,
                Dim.of(GdnShapes.rowBlocks(tokens, dims.convDim() / 8)),
                Dim.of(GdnShapes.THREADS),
                0,
                stream,
                projection,
                weight,
                GdnShapes.biasArgument(bias),
                state,
                y,
                tokens);
    }

    /**
     * Reads the q|k|v part of the projection rows, the weights (and bias) once and the state; writes
     * y and the state. FLOPs: W multiply-adds and the SiLU per channel.
     */
    public static Work work(LinearAttentionDims d, int tokens, boolean bias) {
        long qkv = 2L * tokens * d.convDim();
        long state = GdnShapes.convStateBytes(d, tokens);
        return new Work(qkv + GdnShapes.weightBytes(d, bias) + state, qkv + state, GdnShapes.convFlops(d, tokens));
    }
}

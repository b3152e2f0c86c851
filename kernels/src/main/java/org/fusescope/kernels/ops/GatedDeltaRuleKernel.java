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
 * {@code gated_delta_rule.cu}: one decode step of the fused recurrent gated delta rule per (request,
 * value head), the fp32 state {@code [tokens, Hv, Dk, Dv]} updated in place. One warp per 16 value
 * columns of a head's state, which each lane holds in registers between its one read and one write
 * (see the .cu header). Immutable; launch from the thread that has the context current.
 */
public final class GatedDeltaRuleKernel {
    /** The q/k L2-norm epsilon of Qwen3-Next (docs/kernels.md). */
    public static final float QK_NORM_EPS = 1e-6f;

    private static final int TILE_COLUMNS = 16;

    private final CudaFunction function;
    private final LinearAttentionDims dims;

    public GatedDeltaRuleKernel(KernelLibrary lib, LinearAttentionDims dims) {
        if (dims.valueDim() % TILE_COLUMNS != 0) {
            throw new IllegalArgumentException(
                    "gated_delta_rule needs the value dim to be a multiple of 16 (16-column tiles), got " + dims);
        }
        this.function = lib.function("gated_delta_rule", "gated_delta_rule_kernel", dims.definitions());
        this.dims = dims;
    }

    /** Warps per block: two 16-column tiles of a head when the head has an even number of tiles. */
    static int warpsPerBlock(LinearAttentionDims d) {
        return (d.valueDim() / TILE_COLUMNS) % 2 == 0 ? 2 : 1;
    }

    /** Blocks per (token, value head). */
    static int blocksPerHead(LinearAttentionDims d) {
        return d.valueDim() / TILE_COLUMNS / warpsPerBlock(d);
    }

    /**
     * Enqueues the step: grid {@code tokens · Hv · blocksPerHead}, block {@code 32 · warpsPerBlock}.
     *
     * @param in q, k, v, a, b (z is not read)
     * @param aLog {@code [Hv]} fp32 A_log
     * @param dtBias {@code [Hv]} fp32 dt_bias
     * @param state {@code [tokens, Hv, Dk, Dv]} fp32, one row per request, updated in place
     * @param o {@code [tokens, Hv·Dv]} bf16, written
     * @param eps the q/k L2-norm epsilon ({@link #QK_NORM_EPS})
     */
    public void launch(
            CudaStream stream,
            GdnPackedBuffers in,
            DeviceBuffer aLog,
            DeviceBuffer dtBias,
            DeviceBuffer state,
            DeviceBuffer o,
            int tokens,
            float eps) {
        Args.positive("tokens", tokens);
        in.check(dims, tokens);
        Args.buffer("aLog", aLog, DType.F32, dims.valueHeads());
        Args.buffer("dtBias", dtBias, DType.F32, dims.valueHeads());
        Args.buffer("state", state, DType.F32, tokens, dims.valueHeads(), dims.keyDim(), dims.valueDim());
        Args.buffer("o", o, DType.BF16, tokens, (long) dims.valueHeads() * dims.valueDim());
        KernelLauncher.launch(
                function,
                Dim.of(Args.product("grid", (long) tokens * dims.valueHeads(), blocksPerHead(dims))),
                Dim.of(32 * warpsPerBlock(dims)),
                0,
                stream,
                in.q(),
                in.k(),
                in.v(),
                in.a(),
                in.b(),
                aLog,
                dtBias,
                state,
                o,
                tokens,
                eps);
    }

    /** Bytes of the recurrent state of {@code tokens} requests: {@code tokens·Hv·Dk·Dv·4}. */
    public static long stateBytes(LinearAttentionDims d, int tokens) {
        return 4L * tokens * d.valueHeads() * d.keyDim() * d.valueDim();
    }

    /**
     * Reads q, k, v, a, b, A_log, dt_bias and the state once, writes the state and o once. FLOPs per
     * (token, value head): 7·Dk·Dv for decay, Sᵀk, the rank-1 update and Sᵀq, 6·Dk for the two L2
     * norms, 3·Dv for v'.
     */
    public static Work work(LinearAttentionDims d, int tokens) {
        long qk = 2L * tokens * d.keyHeads() * d.keyDim();
        long vo = 2L * tokens * d.valueHeads() * d.valueDim();
        long gates = 2L * 2 * tokens * d.valueHeads() + 2L * 4 * d.valueHeads();
        long state = stateBytes(d, tokens);
        long heads = (long) tokens * d.valueHeads();
        long flops = heads * (7L * d.keyDim() * d.valueDim() + 6L * d.keyDim() + 3L * d.valueDim());
        return new Work(2 * qk + vo + gates + state, state + vo, flops);
    }
}

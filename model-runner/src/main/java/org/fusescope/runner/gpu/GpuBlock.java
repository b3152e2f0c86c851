package org.fusescope.runner.gpu;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.GroupedGemm1SiluKernel;
import org.fusescope.kernels.ops.GroupedGemm2SumKernel;
import org.fusescope.kernels.ops.MoeAlignFusedKernel;
import org.fusescope.kernels.ops.RouterGemvKernel;
import org.fusescope.kernels.ops.TopkSoftmaxKernel;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.LayerTables;
import org.fusescope.runner.step.StepSpec;
import org.fusescope.runner.step.TopkRenormalize;

/**
 * The MoE block of one run on the GPU: the weights of its layers, the activations and per-layer
 * routing, and each launch of the plan bound to a kernel or cuBLAS call on the run's stream. Needs
 * the context current; not thread-safe.
 */
final class GpuBlock implements AutoCloseable {
    private final StepSpec spec;
    private final CudaStream stream;
    private final BlockKernels k;
    private final List<DeviceWeights> weights;
    private final BlockActivations a;
    private final List<LayerRouting> routing = new ArrayList<>();
    private final boolean sharedAsExpert;
    private final boolean routerGate;
    /** The batch-dependent kernels of the run's plan (null when it has none), compiled before its first step. */
    private final RouterGemvKernel routerGemv;

    private final GroupedGemm1SiluKernel gemm1Silu;
    private final GroupedGemm2SumKernel gemm2Sum;

    private final MoeAlignFusedKernel alignSharedCounts;
    /** topk_softmax with the shared-slot kernel of the run: one warp per row, or (topk_wide) one block. */
    private final TopkSoftmaxKernel sharedTopk;

    private final float eps;
    /** Whether the block's own kernels that keep fs_pdl_wait's rule are launched programmatically (switch pdl). */
    private final boolean programmatic;

    /** The ops whose kernels call fs_pdl_wait before they touch what earlier kernels wrote (common.cuh). */
    private static final Set<Op> PROGRAMMATIC_OPS = EnumSet.of(
            Op.FUSED_ADD_RMSNORM,
            Op.ROUTER_GATE_GEMV,
            Op.TOPK_SOFTMAX_SHARED_WIDE,
            Op.MOE_ALIGN_SHARED_COUNTS,
            Op.GROUPED_GEMM1,
            Op.GROUPED_GEMM1_SILU,
            Op.SILU_AND_MUL,
            Op.GROUPED_GEMM2,
            Op.GROUPED_GEMM2_SUM,
            Op.MOE_SUM_REDUCE);

    /** The ops launched programmatically under {@code pdl} (their kernels keep fs_pdl_wait's rule). */
    static Set<Op> programmaticOps() {
        return Set.copyOf(PROGRAMMATIC_OPS);
    }

    GpuBlock(StepSpec spec, CudaStream stream, BlockKernels kernels, List<DeviceWeights> weights) {
        this.spec = spec;
        this.stream = stream;
        this.k = kernels;
        this.weights = weights;
        this.sharedAsExpert = spec.sharedAsExpert();
        this.routerGate = sharedAsExpert && spec.switches().contains(Fusion.ROUTER_GATE);
        List<Op> plan = spec.moeLaunches();
        this.routerGemv = plan.contains(Op.ROUTER_GATE_GEMV) ? kernels.routerGemv() : null;
        this.gemm1Silu = plan.contains(Op.GROUPED_GEMM1_SILU) ? kernels.groupedGemm1Silu() : null;
        this.gemm2Sum = plan.contains(Op.GROUPED_GEMM2_SUM) ? kernels.groupedGemm2Sum() : null;
        this.sharedTopk = spec.switches().contains(Fusion.TOPK_WIDE) ? kernels.topkSoftmaxWide() : kernels.topkSoftmax;
        this.alignSharedCounts =
                spec.switches().contains(Fusion.ALIGN_SHARED_COUNTS) ? kernels.moeAlignSharedCounts() : null;
        this.eps = (float) spec.config().rmsNormEps();
        this.programmatic = spec.switches().contains(Fusion.PDL) && kernels.programmaticLaunchesSupported();
        this.a = new BlockActivations(spec);
        try {
            for (int layer = 0; layer < spec.layers(); layer++) {
                routing.add(new LayerRouting(spec, layer));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The run's hidden state, residual and normed input, which the mixers share. */
    BlockActivations activations() {
        return a;
    }

    /** Enqueues {@code launch} of {@code layer} on the run's stream. */
    void launch(Op launch, int layer) {
        stream.programmaticLaunches(programmatic && PROGRAMMATIC_OPS.contains(launch));
        try {
            bind(launch, layer);
        } finally {
            stream.programmaticLaunches(false);
        }
    }

    private void bind(Op launch, int layer) {
        DeviceWeights w = weights.get(layer);
        LayerRouting r = routing.get(layer);
        int m = spec.batch();
        int h = spec.config().hidden();
        switch (launch) {
            case RESIDUAL_ADD -> k.residualAdd.launch(stream, a.hidden, a.residual, m);
            case RMSNORM -> k.rmsNorm.launch(stream, a.residual, w.norm, a.y, m, eps);
            case FUSED_ADD_RMSNORM -> k.fusedAddRmsNorm.launch(stream, a.hidden, w.norm, a.residual, a.y, m, eps);
            case ROUTER_GEMM -> k.blas.linear(stream, a.y, w.router, a.logits);
            case GATE_GEMV -> k.blas.gemv(stream, a.y, w.sharedGate, a.gate);
            case ROUTER_GATE_GEMM -> k.blas.linear(stream, a.y, w.routerGate, a.logitsGate);
            case ROUTER_GATE_GEMV -> routerGemv.launch(stream, a.y, w.routerGate, a.logitsGate, m);
            case TOPK_SOFTMAX_SHARED, TOPK_SOFTMAX_SHARED_WIDE -> topkWithSharedExpert(r, m);
            case TOPK_SOFTMAX -> k.topkSoftmax.launch(
                    stream, a.logits, r.ids, r.weights, m, TopkRenormalize.atLaunch(spec.config()));
            case APPEND_SHARED_EXPERT -> k.appendSharedExpert.launch(
                    stream, r.routeIds, r.routeWeights, a.gate, r.appendedIds, r.appendedWeights, m);
            case MEMSET_EXPERT_TOKEN_NUM -> k.moeAlign.zeroCounts(stream, r.count);
            case MOE_ALIGN -> k.moeAlign.launch(
                    stream, alignIds(r), alignWeights(r), r.count, r.expertToTokens, r.expertToWeights, m);
            case MOE_ALIGN_FUSED -> k.moeAlignFused.launch(
                    stream, alignIds(r), alignWeights(r), r.count, r.expertToTokens, r.expertToWeights, m);
            case MOE_ALIGN_SHARED_COUNTS -> alignSharedCounts.launch(
                    stream, alignIds(r), alignWeights(r), r.count, r.expertToTokens, r.expertToWeights, m);
            case GROUPED_GEMM1 -> k.groupedGemm1.launch(stream, a.y, w.w13, r.count, r.expertToTokens, a.h1, m);
            case GROUPED_GEMM1_SILU -> gemm1Silu.launch(stream, a.y, w.w13, r.count, r.expertToTokens, a.act, m);
            case SILU_AND_MUL -> k.siluAndMul.launch(stream, a.h1, a.act, spec.slots());
            case GROUPED_GEMM2 -> k.groupedGemm2.launch(
                    stream, a.act, w.w2, r.count, r.expertToTokens, r.expertToWeights, a.h2, m);
            case GROUPED_GEMM2_SUM -> gemm2Sum.launch(
                    stream, a.act, w.w2, r.count, r.expertToTokens, r.expertToWeights, a.h2, a.hidden, m);
            case MOE_SUM_REDUCE -> k.moeSumReduce.launch(stream, a.h2, a.hidden, m);
            case SHARED_EXPERT_GEMM_UP -> k.blas.linear(stream, a.y, w.sharedW13, a.sharedH1);
            case SHARED_SILU_AND_MUL -> k.sharedSiluAndMul.launch(stream, a.sharedH1, a.sharedAct, m);
            case SHARED_EXPERT_GEMM_DOWN -> k.blas.linear(stream, a.sharedAct, w.sharedW2, a.sharedOut);
            case SHARED_GATE_SIGMOID -> k.sigmoid.launch(stream, a.gate, a.gateSigmoid, m, 1);
            case SHARED_GATE_MUL -> k.mul.launch(stream, a.sharedOut, a.gateSigmoid, a.sharedGated, m, h, 1);
            case SHARED_GATE_ADD -> k.add.launch(stream, a.hidden, a.sharedGated, a.hidden, m, h, h);
            case ADD_SHARED_EXPERT_GATE -> k.addSharedExpertGate.launch(stream, a.sharedOut, a.gate, a.hidden, m, h, 1);
            default -> throw new IllegalArgumentException("no GPU binding for op '" + launch.opName() + "'");
        }
    }

    private void topkWithSharedExpert(LayerRouting r, int m) {
        boolean renormalize = TopkRenormalize.atLaunch(spec.config());
        if (r.routeIds == r.ids) {
            sharedTopk.launchWithSharedExpert(stream, a.logitsGate, r.appendedIds, r.appendedWeights, m, renormalize);
        } else {
            sharedTopk.launchWithSharedExpert(
                    stream, a.logitsGate, r.routeIds, r.routeWeights, r.appendedIds, r.appendedWeights, m, renormalize);
        }
    }

    private DeviceBuffer alignIds(LayerRouting r) {
        return r.alignIds(sharedAsExpert);
    }

    private DeviceBuffer alignWeights(LayerRouting r) {
        return r.alignWeights(sharedAsExpert);
    }

    /** Copies {@code layer}'s routing and align tables to the host; call after the stream finished. */
    LayerTables tables(int layer) {
        LayerRouting r = routing.get(layer);
        int slots = spec.slots();
        int experts = spec.dims().tableExperts();
        int[] ids = new int[slots];
        int[] count = new int[experts];
        int[] e2t = new int[experts * slots];
        r.alignIds(sharedAsExpert).download(ids);
        r.count.download(count);
        r.expertToTokens.download(e2t);
        return new LayerTables(layer, slots, ids, count, e2t);
    }

    /**
     * The step's output for verification: hidden, residual, y, logits, route ids and weights of layer
     * 0 (under router_gate the logits are the first E columns of the router output and the ids and
     * weights the first K of each appended row), the shared-expert gate logit (column E of the router
     * output under router_gate, else the gate GEMV's bf16 output), the shared slot of the appended rows
     * when the shared expert runs as expert E, and the expert counts of the align tables.
     */
    BlockOutputs outputs() {
        int m = spec.batch();
        int h = spec.config().hidden();
        int kk = spec.config().topK();
        int e = spec.config().experts();
        short[] hidden = new short[m * h];
        short[] residual = new short[m * h];
        short[] y = new short[m * h];
        a.hidden.download(hidden);
        a.residual.download(residual);
        a.y.download(y);
        LayerRouting r = routing.get(0);
        int[] counts = new int[spec.dims().tableExperts()];
        r.count.download(counts);
        int[] sharedIds = null;
        float[] sharedWeights = null;
        int[] appendedIds = new int[m * (kk + 1)];
        float[] appendedWeights = new float[m * (kk + 1)];
        if (sharedAsExpert) {
            r.appendedIds.download(appendedIds);
            r.appendedWeights.download(appendedWeights);
            sharedIds = columns(appendedIds, m, kk + 1, kk, 1);
            sharedWeights = columns(appendedWeights, m, kk + 1, kk, 1);
        }
        if (!routerGate) {
            float[] logits = new float[m * e];
            int[] ids = new int[m * kk];
            float[] w = new float[m * kk];
            short[] gate = new short[m];
            a.logits.download(logits);
            r.routeIds.download(ids);
            r.routeWeights.download(w);
            a.gate.download(gate);
            return new BlockOutputs(
                    hidden, residual, y, logits, ids, w, Bf16.toFloats(gate), sharedIds, sharedWeights, counts);
        }
        float[] logitsGate = new float[m * DeviceWeights.routerGateRows(spec.config())];
        a.logitsGate.download(logitsGate);
        int width = logitsGate.length / m;
        return new BlockOutputs(
                hidden,
                residual,
                y,
                columns(logitsGate, m, width, 0, e),
                columns(appendedIds, m, kk + 1, 0, kk),
                columns(appendedWeights, m, kk + 1, 0, kk),
                columns(logitsGate, m, width, e, 1),
                sharedIds,
                sharedWeights,
                counts);
    }

    /** Columns {@code from..from+keep-1} of each of {@code m} rows of {@code width}. */
    private static float[] columns(float[] rows, int m, int width, int from, int keep) {
        float[] out = new float[m * keep];
        for (int t = 0; t < m; t++) {
            System.arraycopy(rows, t * width + from, out, t * keep, keep);
        }
        return out;
    }

    private static int[] columns(int[] rows, int m, int width, int from, int keep) {
        int[] out = new int[m * keep];
        for (int t = 0; t < m; t++) {
            System.arraycopy(rows, t * width + from, out, t * keep, keep);
        }
        return out;
    }

    @Override
    public void close() {
        routing.forEach(LayerRouting::close);
        a.close();
    }
}

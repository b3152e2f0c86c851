package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.AttentionSplit;
import org.fusescope.kernels.ops.DecodeAttentionCombineKernel;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.kernels.ops.GdnPackedBuffers;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.runner.step.StepSpec;

/**
 * The mixers' scratch activations of a run, shared by the layers of each type (a layer's mixer
 * finishes before the next starts): the gated-delta-net projection, conv output, packed q/k/v/z/b/a,
 * delta-rule output and gated norm; the attention projections (separate and the one {@code qkvo_gemm}
 * output), normed q and k, attention output, gate sigmoid, gated output and the split's partials.
 * Needs the context current.
 */
final class MixerActivations implements AutoCloseable {
    final DeviceBuffer projection;
    final DeviceBuffer convOut;
    final GdnPackedBuffers packed;
    final DeviceBuffer deltaOut;
    final DeviceBuffer gatedNorm;
    final DeviceBuffer qGate;
    final DeviceBuffer k;
    final DeviceBuffer v;
    final DeviceBuffer qkv;
    final DeviceBuffer qNormed;
    final DeviceBuffer kNormed;
    final DeviceBuffer attention;
    final DeviceBuffer gateSigmoid;
    final DeviceBuffer gated;
    /** The split kernel's partial outputs and log-sum-exps; null for a single pass. */
    final DeviceBuffer partialO;

    final DeviceBuffer partialLse;
    private final BufferGroup buffers = new BufferGroup();
    private GdnPackedBuffers packedToClose;

    MixerActivations(StepSpec spec, AttentionSplit split) {
        long m = spec.batch();
        LinearAttentionDims g = spec.config().linear();
        AttentionDims a = spec.config().attention();
        long qDim = (long) a.queryHeads() * a.headDim();
        long kvDim = (long) a.kvHeads() * a.headDim();
        long valueRows = (long) g.valueHeads() * g.valueDim();
        try {
            projection = keep("gdn projection", m, g.projectionDim());
            convOut = keep("gdn conv out", m, g.convDim());
            packedToClose = GdnPackedBuffers.allocate("gdn ", spec.config().linear(), spec.batch());
            packed = packedToClose;
            deltaOut = keep("gdn delta out", m, valueRows);
            gatedNorm = keep("gdn gated norm", m, valueRows);
            qGate = keep("q+gate", m, 2 * qDim);
            k = keep("k", m, kvDim);
            v = keep("v", m, kvDim);
            qkv = keep("qkv", m, 2 * qDim + 2 * kvDim);
            qNormed = keep("q normed", m, qDim);
            kNormed = keep("k normed", m, kvDim);
            attention = keep("attention out", m, qDim);
            gateSigmoid = keep("attention gate sigmoid", m, qDim);
            gated = keep("attention gated", m, qDim);
            if (split.singlePass()) {
                partialO = null;
                partialLse = null;
            } else {
                var dims = spec.config().attention();
                int rows = spec.batch();
                partialO = buffers.keep(DeviceArrays.out(
                        "attention partial o",
                        DType.F32,
                        DecodeAttentionCombineKernel.partialOutputShape(dims, rows, split)));
                partialLse = buffers.keep(DeviceArrays.out(
                        "attention partial lse",
                        DType.F32,
                        DecodeAttentionCombineKernel.partialLseShape(dims, rows, split)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private DeviceBuffer keep(String name, long rows, long cols) {
        return buffers.keep(DeviceArrays.out(name, DType.BF16, rows, cols));
    }

    @Override
    public void close() {
        buffers.close();
        if (packedToClose != null) {
            packedToClose.close();
            packedToClose = null;
        }
    }
}

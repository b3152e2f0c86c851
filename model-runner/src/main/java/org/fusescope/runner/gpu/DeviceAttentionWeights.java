package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.runner.model.AttentionWeights;

/**
 * One attention layer's weights in device memory. The kernels read the q projection's output per
 * head as {@code [query (D) | gate (D)]} (HuggingFace's layout), so the q and gate rows, which {@link
 * AttentionWeights} keeps as two blocks, are interleaved back per head on upload. Both layouts of the
 * projections are kept: separate q(+gate), k, v for the unfused GEMMs and one {@code [q+gate | k | v]}
 * table for {@code qkvo_gemm}. Needs the context current.
 */
final class DeviceAttentionWeights implements DeviceMixerWeights {
    private final DeviceBuffer inputNorm;
    final DeviceBuffer qGateProj;
    final DeviceBuffer kProj;
    final DeviceBuffer vProj;
    final DeviceBuffer qkvProj;
    final DeviceBuffer oProj;
    final DeviceBuffer qNorm;
    final DeviceBuffer kNorm;
    private final BufferGroup buffers = new BufferGroup();

    DeviceAttentionWeights(AttentionWeights w) {
        AttentionDims c = w.config().attention();
        int h = w.config().hidden();
        long qDim = (long) c.queryHeads() * c.headDim();
        long kvDim = (long) c.kvHeads() * c.headDim();
        String layer = "layer " + w.layer() + " ";
        short[] perHead = perHeadQueryGate(w.qGateProj(), c.queryHeads(), c.headDim(), h);
        try {
            inputNorm = buffers.keep(DeviceArrays.bf16(layer + "input norm", w.inputNorm(), h));
            qGateProj = buffers.keep(DeviceArrays.bf16(layer + "q_proj", perHead, 2 * qDim, h));
            kProj = buffers.keep(DeviceArrays.bf16(layer + "k_proj", w.kProj(), kvDim, h));
            vProj = buffers.keep(DeviceArrays.bf16(layer + "v_proj", w.vProj(), kvDim, h));
            short[] all = new short[perHead.length + w.kProj().length + w.vProj().length];
            System.arraycopy(perHead, 0, all, 0, perHead.length);
            System.arraycopy(w.kProj(), 0, all, perHead.length, w.kProj().length);
            System.arraycopy(w.vProj(), 0, all, perHead.length + w.kProj().length, w.vProj().length);
            qkvProj = buffers.keep(DeviceArrays.bf16(layer + "qkv_proj", all, 2 * qDim + 2 * kvDim, h));
            oProj = buffers.keep(DeviceArrays.bf16(layer + "o_proj", w.oProj(), h, qDim));
            qNorm = buffers.keep(DeviceArrays.bf16(layer + "q_norm", w.qNorm(), c.headDim()));
            kNorm = buffers.keep(DeviceArrays.bf16(layer + "k_norm", w.kNorm(), c.headDim()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * {@code [q (Hq·D) | gate (Hq·D)]} rows of {@code h} columns → per head {@code [q_h (D) | gate_h
     * (D)]}, the layout the attention kernels read.
     */
    static short[] perHeadQueryGate(short[] blocks, int heads, int headDim, int h) {
        short[] out = new short[blocks.length];
        long rowsPerHead = (long) headDim * h;
        long gateAt = (long) heads * rowsPerHead;
        for (int head = 0; head < heads; head++) {
            long to = 2 * head * rowsPerHead;
            System.arraycopy(blocks, (int) (head * rowsPerHead), out, (int) to, (int) rowsPerHead);
            System.arraycopy(
                    blocks, (int) (gateAt + head * rowsPerHead), out, (int) (to + rowsPerHead), (int) rowsPerHead);
        }
        return out;
    }

    @Override
    public DeviceBuffer inputNorm() {
        return inputNorm;
    }

    @Override
    public void close() {
        buffers.close();
    }
}

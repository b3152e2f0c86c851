package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.runner.model.LinearAttentionWeights;

/**
 * One gated-delta-net layer's weights in device memory, in the kernels' layout; A_log and dt_bias
 * widened to fp32 as the delta rule reads them. Needs the context current.
 */
final class DeviceLinearAttentionWeights implements DeviceMixerWeights {
    private final DeviceBuffer inputNorm;
    final DeviceBuffer inProj;
    final DeviceBuffer conv;
    final DeviceBuffer aLog;
    final DeviceBuffer dtBias;
    final DeviceBuffer norm;
    final DeviceBuffer outProj;
    private final BufferGroup buffers = new BufferGroup();

    DeviceLinearAttentionWeights(LinearAttentionWeights w) {
        LinearAttentionDims c = w.config().linear();
        long h = w.config().hidden();
        long hv = c.valueHeads();
        String layer = "layer " + w.layer() + " ";
        try {
            inputNorm = buffers.keep(DeviceArrays.bf16(layer + "input norm", w.inputNorm(), h));
            inProj = buffers.keep(DeviceArrays.bf16(layer + "in_proj", w.inProj(), c.projectionDim(), h));
            conv = buffers.keep(DeviceArrays.bf16(layer + "conv1d", w.conv(), c.convDim(), c.convKernel()));
            aLog = buffers.keep(DeviceArrays.f32(layer + "A_log", Bf16.toFloats(w.aLog()), hv));
            dtBias = buffers.keep(DeviceArrays.f32(layer + "dt_bias", Bf16.toFloats(w.dtBias()), hv));
            norm = buffers.keep(DeviceArrays.bf16(layer + "gated norm", w.norm(), c.valueDim()));
            outProj = buffers.keep(DeviceArrays.bf16(layer + "out_proj", w.outProj(), h, hv * c.valueDim()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
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

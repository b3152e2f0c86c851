package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.runner.model.AttentionWeights;
import org.fusescope.runner.model.LinearAttentionWeights;
import org.fusescope.runner.model.MixerWeights;

/** One layer's mixer weights in device memory. Needs the context current. */
sealed interface DeviceMixerWeights extends AutoCloseable permits DeviceLinearAttentionWeights, DeviceAttentionWeights {
    /** {@code [H]} the zero-centred RMSNorm in front of the mixer. */
    DeviceBuffer inputNorm();

    @Override
    void close();

    /** Uploads {@code w}, of either type. */
    static DeviceMixerWeights upload(MixerWeights w) {
        if (w instanceof LinearAttentionWeights g) {
            return new DeviceLinearAttentionWeights(g);
        }
        return new DeviceAttentionWeights((AttentionWeights) w);
    }

    /** Device bytes of one layer's mixer weights of {@code w}'s type (both q projection layouts for attention). */
    static long bytes(MixerWeights w) {
        if (w instanceof LinearAttentionWeights g) {
            return 2L
                            * (g.inputNorm().length
                                    + g.inProj().length
                                    + g.conv().length
                                    + g.norm().length
                                    + g.outProj().length)
                    + 8L * g.aLog().length;
        }
        AttentionWeights a = (AttentionWeights) w;
        return 2L
                * (a.inputNorm().length
                        + 2L * (a.qGateProj().length + a.kProj().length + a.vProj().length)
                        + a.oProj().length
                        + a.qNorm().length
                        + a.kNorm().length);
    }
}

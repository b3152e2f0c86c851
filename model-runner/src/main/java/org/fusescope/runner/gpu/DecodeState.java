package org.fusescope.runner.gpu;

import java.util.HashMap;
import java.util.Map;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.runner.step.InitialDecodeState;
import org.fusescope.runner.step.StepSpec;

/**
 * A run's per-request decode state on the device, filled from {@link InitialDecodeState} (seeded:
 * C random past tokens, every position C): per gated-delta-net layer the conv state {@code [M, convDim,
 * W-1]} bf16 and the recurrent state {@code [M, Hv, Dk, Dv]} fp32, per attention layer the k and v
 * caches {@code [M, Hkv, C + 1, D]} bf16, and the positions {@code [M]} int32. The step updates the
 * states in place and appends at position C each step (the positions stay C, so every measured step
 * is a decode step at context C). Needs the context current.
 */
final class DecodeState implements AutoCloseable {
    final DeviceBuffer positions;
    private final Map<Integer, DeviceBuffer> convStates = new HashMap<>();
    private final Map<Integer, DeviceBuffer> recurrentStates = new HashMap<>();
    private final Map<Integer, DeviceBuffer> keyCaches = new HashMap<>();
    private final Map<Integer, DeviceBuffer> valueCaches = new HashMap<>();
    private final BufferGroup buffers = new BufferGroup();

    DecodeState(StepSpec spec) {
        int m = spec.batch();
        LinearAttentionDims g = spec.config().linear();
        AttentionDims a = spec.config().attention();
        try {
            positions = buffers.keep(DeviceArrays.i32("positions", InitialDecodeState.positions(spec), m));
            for (int l = 0; l < spec.layers(); l++) {
                int layer = l;
                String name = "layer " + layer + " ";
                if (spec.config().layerType(layer) == LayerType.LINEAR_ATTENTION) {
                    short[] conv = concat(m, r -> InitialDecodeState.convState(spec, layer, r));
                    convStates.put(
                            layer,
                            buffers.keep(
                                    DeviceArrays.bf16(name + "conv state", conv, m, g.convDim(), g.convKernel() - 1L)));
                    float[] rec = concatFloats(m, r -> InitialDecodeState.recurrentState(spec, layer, r));
                    recurrentStates.put(
                            layer,
                            buffers.keep(DeviceArrays.f32(
                                    name + "recurrent state", rec, m, g.valueHeads(), g.keyDim(), g.valueDim())));
                } else {
                    long[] shape = {m, a.kvHeads(), spec.context().attendedTokens(), a.headDim()};
                    keyCaches.put(
                            layer,
                            buffers.keep(DeviceArrays.bf16(
                                    name + "k cache", concat(m, r -> InitialDecodeState.keys(spec, layer, r)), shape)));
                    valueCaches.put(
                            layer,
                            buffers.keep(DeviceArrays.bf16(
                                    name + "v cache",
                                    concat(m, r -> InitialDecodeState.values(spec, layer, r)),
                                    shape)));
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    DeviceBuffer convState(int layer) {
        return convStates.get(layer);
    }

    DeviceBuffer recurrentState(int layer) {
        return recurrentStates.get(layer);
    }

    DeviceBuffer keyCache(int layer) {
        return keyCaches.get(layer);
    }

    DeviceBuffer valueCache(int layer) {
        return valueCaches.get(layer);
    }

    private static short[] concat(int m, java.util.function.IntFunction<short[]> perRequest) {
        short[] first = perRequest.apply(0);
        short[] all = new short[Math.multiplyExact(first.length, m)];
        System.arraycopy(first, 0, all, 0, first.length);
        for (int r = 1; r < m; r++) {
            System.arraycopy(perRequest.apply(r), 0, all, r * first.length, first.length);
        }
        return all;
    }

    private static float[] concatFloats(int m, java.util.function.IntFunction<float[]> perRequest) {
        float[] first = perRequest.apply(0);
        float[] all = new float[Math.multiplyExact(first.length, m)];
        System.arraycopy(first, 0, all, 0, first.length);
        for (int r = 1; r < m; r++) {
            System.arraycopy(perRequest.apply(r), 0, all, r * first.length, first.length);
        }
        return all;
    }

    @Override
    public void close() {
        buffers.close();
    }
}

package org.fusescope.kernels.ops;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.provider.Arguments;

/** Test arguments: both presets, with and without the shared expert, times the token counts. */
final class Presets {
    static final int[] TOKENS = {1, 3, 64, 257};

    private Presets() {}

    /** (dims, tokens) for both presets × shared expert off/on × {@link #TOKENS}. */
    static List<Arguments> withAndWithoutShared() {
        List<Arguments> out = new ArrayList<>();
        for (ModelDims d : new ModelDims[] {ModelDims.QWEN3_NEXT, ModelDims.QWEN35}) {
            for (boolean shared : new boolean[] {false, true}) {
                for (int m : TOKENS) {
                    out.add(Arguments.of(d.withSharedAsExpert(shared), m));
                }
            }
        }
        return out;
    }

    /** (dims, tokens) for both presets without the shared expert × {@link #TOKENS}. */
    static List<Arguments> routedOnly() {
        List<Arguments> out = new ArrayList<>();
        for (ModelDims d : new ModelDims[] {ModelDims.QWEN3_NEXT, ModelDims.QWEN35}) {
            for (int m : TOKENS) {
                out.add(Arguments.of(d, m));
            }
        }
        return out;
    }
}

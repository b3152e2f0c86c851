package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.GdnTestData.poisoned;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.GatedRmsNormReference;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** gated_rmsnorm against its reference on both layer presets, M = 1, 3, 64. */
class GatedRmsNormKernelTest extends GpuFixture {
    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.GdnTestData#layersAndTokens")
    void matchesTheReference(LinearAttentionDims d, int m) {
        long width = (long) d.valueHeads() * d.valueDim();
        SplittableRandom random = new SplittableRandom(900 + m);
        try (TestTensors o = TestTensors.bf16("o", random, 2, m, width);
                TestTensors z = TestTensors.bf16("z", random, 3, m, width);
                TestTensors w = TestTensors.bf16("w", random, 1, d.valueDim());
                DeviceBuffer y = poisoned("y", DType.BF16, m, width)) {
            inputsReady();
            new GatedRmsNormKernel(lib, d).launch(stream, o.device(), z.device(), w.device(), y, m, EPS);
            float[] ref =
                    GatedRmsNormReference.apply(o.host(), z.host(), w.host(), m * d.valueHeads(), d.valueDim(), EPS);
            assertClose("gated_rmsnorm " + d + " M=" + m, Compare.bf16(y), ref, d.valueDim());
        }
    }
}

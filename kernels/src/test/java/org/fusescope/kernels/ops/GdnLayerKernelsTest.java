package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.GdnTestData.poisoned;
import static org.fusescope.kernels.ops.GdnTestData.poisonedPacked;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.ConvPackGdnReference;
import org.fusescope.kernels.reference.GatedDeltaRuleReference;
import org.fusescope.kernels.reference.GatedRmsNormReference;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer steps 3-5 chained on the GPU (conv_pack_gdn → gated_delta_rule → gated_rmsnorm, the buffers
 * passed along as the runner will) against the reference chain: catches a buffer handed to the
 * wrong argument, which the per-kernel tests cannot.
 */
class GdnLayerKernelsTest extends GpuFixture {
    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.GdnTestData#layersAndTokens")
    void convRecurrenceAndNormChainMatchTheReferenceChain(LinearAttentionDims d, int m) {
        int hv = d.valueHeads();
        long c = d.convDim();
        long w = d.convKernel();
        long vd = (long) hv * d.valueDim();
        SplittableRandom random = new SplittableRandom(950 + m);
        try (TestTensors projection = TestTensors.bf16("projection", random, 2, m, d.projectionDim());
                TestTensors weight = TestTensors.bf16("weight", random, 0.5, c, w);
                TestTensors convState = TestTensors.bf16("convState", random, 2, m, c, w - 1);
                TestTensors aLog = GdnTestData.f32("aLog", random, 1, hv);
                TestTensors dtBias = GdnTestData.f32("dtBias", random, 1, hv);
                TestTensors state = GdnTestData.f32("state", random, 0.5, m, hv, d.keyDim(), d.valueDim());
                TestTensors normWeight = TestTensors.bf16("normWeight", random, 1, d.valueDim());
                GdnPackedBuffers packed = poisonedPacked("packed.", d, m);
                DeviceBuffer o = poisoned("o", DType.BF16, m, vd);
                DeviceBuffer y = poisoned("y", DType.BF16, m, vd)) {
            inputsReady();
            float eps = GatedDeltaRuleKernel.QK_NORM_EPS;
            new ConvPackGdnKernel(lib, d)
                    .launch(stream, projection.device(), weight.device(), null, convState.device(), packed, m);
            new GatedDeltaRuleKernel(lib, d)
                    .launch(stream, packed, aLog.device(), dtBias.device(), state.device(), o, m, eps);
            new GatedRmsNormKernel(lib, d).launch(stream, o, packed.z(), normWeight.device(), y, m, EPS);

            ConvPackGdnReference.Result conv =
                    ConvPackGdnReference.apply(projection.host(), weight.host(), null, convState.host(), m, d);
            GatedDeltaRuleReference.Result rule =
                    GatedDeltaRuleReference.apply(conv.packed(), aLog.host(), dtBias.host(), state.host(), m, d, eps);
            float[] ref = GatedRmsNormReference.apply(
                    rule.o(), conv.packed().z(), normWeight.host(), m * hv, d.valueDim(), EPS);
            assertClose("gated-delta-net steps 3-5 " + d + " M=" + m, Compare.bf16(y), ref, d.valueDim());
        }
    }
}

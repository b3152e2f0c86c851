package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.GdnTestData.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.GdnTestData.PackedTensors;
import org.fusescope.kernels.reference.GatedDeltaRuleReference;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gated_delta_rule against its reference over two consecutive decode steps on the same in-place
 * state: o (bf16) within 1e-2, the fp32 state within {@value #STATE_TOLERANCE} (relative L2), on
 * both layer presets at M = 1, 3, 64 and Qwen3-Next at M = 256.
 */
class GatedDeltaRuleKernelTest extends GpuFixture {
    /** fp32 sums of Dk terms in another order than the float64 reference: about 1e-6 expected. */
    static final double STATE_TOLERANCE = 1e-5;

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>(GdnTestData.layersAndTokens());
        out.add(Arguments.of(LinearAttentionDims.QWEN3_NEXT, 256));
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void twoStepsOnTheSameStateMatchTheReference(LinearAttentionDims d, int m) {
        int hv = d.valueHeads();
        long vd = (long) hv * d.valueDim();
        SplittableRandom random = new SplittableRandom(800 + m);
        try (PackedTensors step1 = GdnTestData.randomPacked("step1.", d, m, random);
                PackedTensors step2 = GdnTestData.randomPacked("step2.", d, m, random);
                TestTensors aLog = GdnTestData.f32("aLog", random, 1, hv);
                TestTensors dtBias = GdnTestData.f32("dtBias", random, 1, hv);
                TestTensors state = GdnTestData.f32("state", random, 0.5, m, hv, d.keyDim(), d.valueDim());
                DeviceBuffer o1 = poisoned("o1", DType.BF16, m, vd);
                DeviceBuffer o2 = poisoned("o2", DType.BF16, m, vd)) {
            inputsReady();
            GatedDeltaRuleKernel kernel = new GatedDeltaRuleKernel(lib, d);
            float eps = GatedDeltaRuleKernel.QK_NORM_EPS;
            String at = " " + d + " M=" + m;

            kernel.launch(stream, step1.device(), aLog.device(), dtBias.device(), state.device(), o1, m, eps);
            GatedDeltaRuleReference.Result ref1 =
                    GatedDeltaRuleReference.apply(step1.host(), aLog.host(), dtBias.host(), state.host(), m, d, eps);
            assertClose("gated_delta_rule o, step 1" + at, Compare.bf16(o1), ref1.o(), (int) vd);
            Compare.assertWithin(
                    "gated_delta_rule state, step 1" + at,
                    Compare.f32(state.device()),
                    ref1.state(),
                    ref1.state().length / m,
                    STATE_TOLERANCE);

            kernel.launch(stream, step2.device(), aLog.device(), dtBias.device(), state.device(), o2, m, eps);
            GatedDeltaRuleReference.Result ref2 =
                    GatedDeltaRuleReference.apply(step2.host(), aLog.host(), dtBias.host(), ref1.state(), m, d, eps);
            assertClose("gated_delta_rule o, step 2" + at, Compare.bf16(o2), ref2.o(), (int) vd);
            Compare.assertWithin(
                    "gated_delta_rule state, step 2" + at,
                    Compare.f32(state.device()),
                    ref2.state(),
                    ref2.state().length / m,
                    STATE_TOLERANCE);
        }
    }

    @Test
    void aBf16StateOrAWrongHeadCountIsRejected() {
        LinearAttentionDims d = LinearAttentionDims.TINY;
        try (GdnPackedBuffers in = GdnPackedBuffers.allocate("", d, 2);
                DeviceBuffer aLog = DeviceBuffer.allocate("aLog", DType.F32, d.valueHeads());
                DeviceBuffer dtBias = DeviceBuffer.allocate("dtBias", DType.F32, d.valueHeads() + 1);
                DeviceBuffer bf16State = DeviceBuffer.allocate("state", DType.BF16, 2, 4, 32, 32);
                DeviceBuffer state = DeviceBuffer.allocate("state", DType.F32, 2, 4, 32, 32);
                DeviceBuffer o = DeviceBuffer.allocate("o", DType.BF16, 2, 128)) {
            GatedDeltaRuleKernel kernel = new GatedDeltaRuleKernel(lib, d);
            assertThatThrownBy(() -> kernel.launch(stream, in, aLog, aLog, bf16State, o, 2, 1e-6f))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("state: expected F32 [2, 4, 32, 32] but was");
            assertThatThrownBy(() -> kernel.launch(stream, in, aLog, dtBias, state, o, 2, 1e-6f))
                    .hasMessageStartingWith("dtBias: expected F32 [4] but was");
        }
    }
}

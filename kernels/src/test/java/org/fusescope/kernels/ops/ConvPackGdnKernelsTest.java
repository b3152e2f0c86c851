package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.GdnTestData.assertExact;
import static org.fusescope.kernels.ops.GdnTestData.assertSameBits;
import static org.fusescope.kernels.ops.GdnTestData.poisoned;
import static org.fusescope.kernels.ops.GdnTestData.poisonedPacked;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.CausalConv1dUpdateReference;
import org.fusescope.kernels.reference.ConvPackGdnReference;
import org.fusescope.kernels.reference.GdnPacked;
import org.fusescope.kernels.reference.GdnSplitReference;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * causal_conv1d_update + gdn_split (unfused) and conv_pack_gdn (fused) against the references and
 * against each other, bit for bit, on both layer presets, M = 1, 3, 64, with and without a conv bias.
 */
class ConvPackGdnKernelsTest extends GpuFixture {
    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments a : GdnTestData.layersAndTokens()) {
            for (boolean bias : new boolean[] {false, true}) {
                out.add(Arguments.of(a.get()[0], a.get()[1], bias));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void unfusedAndFusedMatchTheReferencesAndEachOther(LinearAttentionDims d, int m, boolean withBias) {
        long c = d.convDim();
        long w = d.convKernel();
        SplittableRandom random = new SplittableRandom(700 + m + (withBias ? 1000 : 0));
        try (TestTensors projection = TestTensors.bf16("projection", random, 2, m, d.projectionDim());
                TestTensors weight = TestTensors.bf16("weight", random, 0.5, c, w);
                TestTensors bias = withBias ? TestTensors.bf16("bias", random, 0.5, c) : null;
                TestTensors state = TestTensors.bf16("state", random, 2, m, c, w - 1);
                DeviceBuffer fusedState = GdnTestData.bf16Copy("fusedState", state.host(), m, c, w - 1);
                DeviceBuffer y = poisoned("y", DType.BF16, m, c);
                GdnPackedBuffers unfused = poisonedPacked("unfused.", d, m);
                GdnPackedBuffers fused = poisonedPacked("fused.", d, m)) {
            DeviceBuffer biasDevice = bias == null ? null : bias.device();
            float[] biasHost = bias == null ? null : bias.host();
            inputsReady();
            new CausalConv1dUpdateKernel(lib, d)
                    .launch(stream, projection.device(), weight.device(), biasDevice, state.device(), y, m);
            new GdnSplitKernel(lib, d).launch(stream, y, projection.device(), unfused, m);
            new ConvPackGdnKernel(lib, d)
                    .launch(stream, projection.device(), weight.device(), biasDevice, fusedState, fused, m);

            String at = " " + d + " M=" + m + (withBias ? " bias" : "");
            CausalConv1dUpdateReference.Result conv =
                    CausalConv1dUpdateReference.apply(projection.host(), weight.host(), biasHost, state.host(), m, d);
            float[] yOut = Compare.bf16(y);
            assertClose("causal_conv1d_update y" + at, yOut, conv.y(), conv.y().length / m);
            assertExact("causal_conv1d_update state" + at, Compare.bf16(state.device()), conv.state());

            GdnPacked copied = GdnSplitReference.apply(yOut, projection.host(), m, d);
            GdnPacked got = GdnTestData.download(unfused);
            assertExact("gdn_split q" + at, got.q(), copied.q());
            assertExact("gdn_split k" + at, got.k(), copied.k());
            assertExact("gdn_split v" + at, got.v(), copied.v());
            assertExact("gdn_split z" + at, got.z(), copied.z());
            assertExact("gdn_split b" + at, got.b(), copied.b());
            assertExact("gdn_split a" + at, got.a(), copied.a());

            GdnPacked ref = ConvPackGdnReference.apply(projection.host(), weight.host(), biasHost, state.host(), m, d)
                    .packed();
            GdnPacked packed = GdnTestData.download(fused);
            assertClose("conv_pack_gdn q" + at, packed.q(), ref.q(), ref.q().length / m);
            assertClose("conv_pack_gdn k" + at, packed.k(), ref.k(), ref.k().length / m);
            assertClose("conv_pack_gdn v" + at, packed.v(), ref.v(), ref.v().length / m);
            assertExact("conv_pack_gdn z" + at, packed.z(), ref.z());
            assertExact("conv_pack_gdn b" + at, packed.b(), ref.b());
            assertExact("conv_pack_gdn a" + at, packed.a(), ref.a());

            assertSameBits("fused vs unfused q" + at, fused.q(), unfused.q());
            assertSameBits("fused vs unfused k" + at, fused.k(), unfused.k());
            assertSameBits("fused vs unfused v" + at, fused.v(), unfused.v());
            assertSameBits("fused vs unfused conv state" + at, fusedState, state.device());
        }
    }

    @Test
    void wrongShapesAreRejectedBeforeTheLaunch() {
        LinearAttentionDims d = LinearAttentionDims.TINY;
        try (DeviceBuffer projection = DeviceBuffer.allocate("projection", DType.BF16, 3, d.projectionDim());
                DeviceBuffer weight = DeviceBuffer.allocate("weight", DType.BF16, d.convDim(), d.convKernel());
                DeviceBuffer state = DeviceBuffer.allocate("state", DType.BF16, 3, d.convDim(), d.convKernel());
                DeviceBuffer y = DeviceBuffer.allocate("y", DType.BF16, 3, d.convDim());
                GdnPackedBuffers out = GdnPackedBuffers.allocate("", d, 2)) {
            assertThatThrownBy(() ->
                            new CausalConv1dUpdateKernel(lib, d).launch(stream, projection, weight, null, state, y, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("state: expected BF16 [3, 256, 3] but was");
            assertThatThrownBy(() -> new GdnSplitKernel(lib, d).launch(stream, y, projection, out, 3))
                    .hasMessageStartingWith("q: expected BF16 [3, 64] but was");
            assertThatThrownBy(() -> new ConvPackGdnKernel(lib, d).launch(stream, projection, y, null, state, out, 3))
                    .hasMessageStartingWith("weight: expected BF16 [256, 4] but was");
        }
    }
}

package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.AttnGateSigmoidMulReference;
import org.fusescope.kernels.reference.AttnGateSigmoidReference;
import org.fusescope.kernels.reference.MulReference;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attention output gate: attn_gate_sigmoid then the existing mul (unfused), and
 * attn_gate_sigmoid_mul (fused), against their references, the gate read from separate, fused and
 * padded fused q projection rows; tiny and Qwen3-Next sizes, M = 1, 3, 64.
 */
class AttnGateKernelsTest extends GpuFixture {
    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (AttentionDims d : new AttentionDims[] {AttentionDims.TINY, AttentionDims.QWEN3_NEXT}) {
            for (int m : new int[] {1, 3, 64}) {
                for (ProjectionRows.Layout layout : ProjectionRows.Layout.values()) {
                    out.add(Arguments.of(d, m, layout));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void unfusedAndFusedGatesMatchTheReferences(AttentionDims d, int m, ProjectionRows.Layout layout) {
        SplittableRandom random = new SplittableRandom(97L * m + layout.ordinal());
        int width = d.queryHeads() * d.headDim();
        try (ProjectionRows proj = ProjectionRows.random(random, d, m, layout, 4);
                TestTensors attn = TestTensors.bf16("attn", random, 2, m, width);
                TestTensors attnFused = TestTensors.bf16("attnFused", random, 2, m, width);
                DeviceBuffer sig = poisoned("sig", DType.BF16, m, width);
                DeviceBuffer gated = poisoned("gated", DType.BF16, m, width)) {
            inputsReady();
            new AttnGateSigmoidKernel(lib, d).launch(stream, proj.q, sig, m);
            new MulKernel(lib, ModelDims.QWEN3_NEXT).launch(stream, attn.device(), sig, gated, m, width, width);
            new AttnGateSigmoidMulKernel(lib, d).launch(stream, proj.q, attnFused.device(), m);
            String what = d + " M=" + m + " " + layout;
            float[] sigRef = AttnGateSigmoidReference.apply(proj.qGate, m, d);
            assertClose("attn_gate_sigmoid " + what, Compare.bf16(sig), sigRef, width);
            assertClose(
                    "mul " + what,
                    Compare.bf16(gated),
                    MulReference.apply(attn.host(), sigRef, m, width, width),
                    width);
            assertClose(
                    "attn_gate_sigmoid_mul " + what,
                    Compare.bf16(attnFused.device()),
                    AttnGateSigmoidMulReference.apply(proj.qGate, attnFused.host(), m, d),
                    width);
        }
    }
}

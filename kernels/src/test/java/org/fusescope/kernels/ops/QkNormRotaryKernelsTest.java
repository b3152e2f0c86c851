package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.QkRmsNormReference;
import org.fusescope.kernels.reference.RotaryPartialReference;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * qk_rmsnorm and rotary_partial against their references, at the tiny and Qwen3-Next sizes, M = 1, 3,
 * 64, reading q and k from separate projections, the fused qkv row and a padded fused row.
 */
class QkNormRotaryKernelsTest extends GpuFixture {
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
    void normThenRopeMatchTheReferences(AttentionDims d, int m, ProjectionRows.Layout layout) {
        SplittableRandom random = new SplittableRandom(31L * m + layout.ordinal());
        int[] positions = {4095, 0, 7, 1, 32767, 100_000};
        int[] rowPositions = new int[m];
        for (int r = 0; r < m; r++) {
            rowPositions[r] = r < positions.length ? positions[r] : random.nextInt(32768);
        }
        try (ProjectionRows proj = ProjectionRows.random(random, d, m, layout, 3);
                TestTensors qw = TestTensors.bf16("qWeight", random, 0.5, d.headDim());
                TestTensors kw = TestTensors.bf16("kWeight", random, 0.5, d.headDim());
                DeviceBuffer pos = DeviceArrays.i32("positions", rowPositions, m);
                DeviceBuffer q = poisoned("q", DType.BF16, m, (long) d.queryHeads() * d.headDim());
                DeviceBuffer k = poisoned("k", DType.BF16, m, (long) d.kvHeads() * d.headDim())) {
            inputsReady();
            new QkRmsNormKernel(lib, d).launch(stream, proj.q, proj.k, qw.device(), kw.device(), q, k, m, EPS);
            QkRmsNormReference.Result ref =
                    QkRmsNormReference.apply(proj.qGate, proj.kHost, qw.host(), kw.host(), m, d, EPS);
            String what = d + " M=" + m + " " + layout;
            float[] qNormed = Compare.bf16(q);
            float[] kNormed = Compare.bf16(k);
            assertClose("qk_rmsnorm q " + what, qNormed, ref.q(), d.headDim());
            assertClose("qk_rmsnorm k " + what, kNormed, ref.k(), d.headDim());

            new RotaryPartialKernel(lib, d).launch(stream, q, k, pos, m);
            // the rope reference starts from the kernel's normed values, so only the rope is compared
            float[] qRef = RotaryPartialReference.apply(
                    qNormed, rowPositions, m, d.queryHeads(), d.headDim(), d.rotaryDim(), d.ropeTheta());
            float[] kRef = RotaryPartialReference.apply(
                    kNormed, rowPositions, m, d.kvHeads(), d.headDim(), d.rotaryDim(), d.ropeTheta());
            assertRotated("rotary_partial q " + what, Compare.bf16(q), qRef, qNormed, d);
            assertRotated("rotary_partial k " + what, Compare.bf16(k), kRef, kNormed, d);
        }
    }

    /** The rotated dims within tolerance (compared on their own), every other dim bit-identical to the input. */
    private static void assertRotated(String what, float[] out, float[] ref, float[] in, AttentionDims d) {
        int heads = out.length / d.headDim();
        float[] rotatedOut = new float[heads * d.rotaryDim()];
        float[] rotatedRef = new float[rotatedOut.length];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < d.headDim(); i++) {
                int at = h * d.headDim() + i;
                if (i < d.rotaryDim()) {
                    rotatedOut[h * d.rotaryDim() + i] = out[at];
                    rotatedRef[h * d.rotaryDim() + i] = ref[at];
                } else if (Float.floatToIntBits(out[at]) != Float.floatToIntBits(in[at])) {
                    throw new AssertionError(what + ": dim " + i + " of head " + h + " is past the rotary dims but"
                            + " changed from " + in[at] + " to " + out[at]);
                }
            }
        }
        assertClose(what, rotatedOut, rotatedRef, d.rotaryDim());
    }
}

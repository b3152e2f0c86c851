package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.AddReference;
import org.fusescope.kernels.reference.AddSharedExpertGateReference;
import org.fusescope.kernels.reference.FusedAddRmsNormReference;
import org.fusescope.kernels.reference.MulReference;
import org.fusescope.kernels.reference.ResidualAddReference;
import org.fusescope.kernels.reference.RmsNormReference;
import org.fusescope.kernels.reference.SigmoidMulReference;
import org.fusescope.kernels.reference.SigmoidReference;
import org.fusescope.kernels.reference.SiluAndMulReference;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The norms and elementwise kernels against their references, H = 2048 (both presets), M = 1, 3, 64, 257. */
class ElementwiseKernelsTest extends GpuFixture {
    private static final ModelDims D = ModelDims.QWEN3_NEXT;
    private static final int H = D.hidden();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64, 257})
    void residualAddRmsNormAndFused(int m) {
        SplittableRandom random = new SplittableRandom(100 + m);
        try (TestTensors x = TestTensors.bf16("x", random, 2, m, H);
                TestTensors r = TestTensors.bf16("r", random, 2, m, H);
                TestTensors r2 = TestTensors.bf16("r2", random, 2, m, H);
                TestTensors w = TestTensors.bf16("w", random, 0.5, H);
                DeviceBuffer y = poisoned("y", DType.BF16, m, H);
                DeviceBuffer y2 = poisoned("y2", DType.BF16, m, H)) {
            r2.device().upload(org.fusescope.kernels.cuda.Bf16.fromFloats(r.host()));
            inputsReady();
            new ResidualAddKernel(lib, D).launch(stream, x.device(), r.device(), m);
            new RmsNormKernel(lib, D).launch(stream, r.device(), w.device(), y, m, EPS);
            new FusedAddRmsNormKernel(lib, D).launch(stream, x.device(), w.device(), r2.device(), y2, m, EPS);
            float[] residual = ResidualAddReference.apply(x.host(), r.host(), m, H);
            assertClose("residual_add", Compare.bf16(r.device()), residual, H);
            assertClose("rmsnorm", Compare.bf16(y), RmsNormReference.apply(residual, w.host(), m, H, EPS), H);
            FusedAddRmsNormReference.Result fused =
                    FusedAddRmsNormReference.apply(x.host(), w.host(), r.host(), m, H, EPS);
            assertClose("fused_add_rmsnorm r", Compare.bf16(r2.device()), fused.residual(), H);
            assertClose("fused_add_rmsnorm y", Compare.bf16(y2), fused.y(), H);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64, 257})
    void sigmoidMulAddAndTheirFusions(int m) {
        SplittableRandom random = new SplittableRandom(200 + m);
        try (TestTensors a = TestTensors.bf16("a", random, 2, m, H);
                TestTensors b = TestTensors.bf16("b", random, 2, m, H);
                TestTensors g1 = TestTensors.bf16("g1", random, 3, m, 1);
                TestTensors outIn = TestTensors.bf16("out", random, 2, m, H);
                TestTensors x = TestTensors.bf16("x", random, 2, m, H);
                DeviceBuffer sig = poisoned("sig", DType.BF16, m, 1);
                DeviceBuffer prod = poisoned("prod", DType.BF16, m, H);
                DeviceBuffer sum = poisoned("sum", DType.BF16, m, H)) {
            inputsReady();
            new SigmoidKernel(lib, D).launch(stream, g1.device(), sig, m, 1);
            new MulKernel(lib, D).launch(stream, a.device(), sig, prod, m, H, 1);
            new AddKernel(lib, D).launch(stream, a.device(), b.device(), sum, m, H, H);
            new AddSharedExpertGateKernel(lib, D).launch(stream, a.device(), g1.device(), outIn.device(), m, H, 1);
            new SigmoidMulKernel(lib, D).launch(stream, b.device(), x.device(), m, H, H);
            float[] sigRef = SigmoidReference.apply(g1.host(), m, 1);
            assertClose("sigmoid", Compare.bf16(sig), sigRef, 1);
            assertClose("mul", Compare.bf16(prod), MulReference.apply(a.host(), sigRef, m, H, 1), H);
            assertClose("add", Compare.bf16(sum), AddReference.apply(a.host(), b.host(), m, H, H), H);
            assertClose(
                    "add_shared_expert_gate",
                    Compare.bf16(outIn.device()),
                    AddSharedExpertGateReference.apply(a.host(), g1.host(), outIn.host(), m, H, 1),
                    H);
            assertClose(
                    "sigmoid_mul", Compare.bf16(x.device()), SigmoidMulReference.apply(b.host(), x.host(), m, H, H), H);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64, 257})
    void siluAndMulOverTheSlotsOfBothPresets(int m) {
        for (ModelDims d : new ModelDims[] {ModelDims.QWEN3_NEXT, ModelDims.QWEN35.withSharedAsExpert(true)}) {
            int rows = m * d.slotsPerToken();
            int inter = d.inter();
            SplittableRandom random = new SplittableRandom(300 + m);
            try (TestTensors h1 = TestTensors.bf16("h1", random, 3, rows, 2L * inter);
                    DeviceBuffer a = poisoned("a", DType.BF16, rows, inter)) {
                inputsReady();
                new SiluAndMulKernel(lib, d).launch(stream, h1.device(), a, rows);
                assertClose(
                        "silu_and_mul " + d, Compare.bf16(a), SiluAndMulReference.apply(h1.host(), rows, inter), inter);
            }
        }
    }
}

package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.ops.Compare.assertCloseF32;
import static org.fusescope.kernels.ops.Compare.assertSameInts;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.AppendSharedExpertReference;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * topk_softmax_shared_wide_kernel (switch topk_wide) against {@link TopkSoftmaxReference} with the shared
 * slot appended, and bit for bit against topk_softmax_shared_kernel: random fp32 and bf16 logits, rows of
 * crafted exact ties, with and without renormalization, and the routing-scenario path.
 */
class TopkSoftmaxWideKernelTest extends GpuFixture {
    static List<Arguments> sizes() {
        List<Arguments> out = new ArrayList<>();
        for (ModelDims d : new ModelDims[] {ModelDims.QWEN3_NEXT, ModelDims.QWEN35, ModelDims.TINY}) {
            for (int m : Presets.TOKENS) {
                for (boolean renormalize : new boolean[] {true, false}) {
                    out.add(Arguments.of(d, m, renormalize));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void randomLogitsFp32AndBf16(ModelDims d, int m, boolean renormalize) {
        SplittableRandom random = new SplittableRandom(1300 + m);
        float[] rows = RandomFill.floats(random, (long) m * TopkSoftmaxKernel.routerGateRows(d), 4);
        check(d, m, renormalize, rows.clone(), "random fp32 logits", false);
        check(d, m, renormalize, rows, "random bf16 logits", true);
    }

    /** Rows built to tie: every row a different pattern (all equal, ±0, ties across warps at the K-th place, ...). */
    @ParameterizedTest
    @MethodSource("sizes")
    void craftedTiesGoToTheLowerExpertId(ModelDims d, int m, boolean renormalize) {
        float[] rows = TieRows.of(d, m, new SplittableRandom(1400 + m));
        check(d, m, renormalize, rows.clone(), "crafted ties", false);
        check(d, m, renormalize, rows, "crafted ties as bf16", true);
    }

    /** Under a routing scenario slots 0..K-1 are the scenario's, slot K still sigmoid(gate). */
    @ParameterizedTest
    @MethodSource("sizes")
    void aScenarioDecidesTheRoutedSlots(ModelDims d, int m, boolean renormalize) {
        int e = d.experts();
        int k = d.topK();
        int ld = TopkSoftmaxKernel.routerGateRows(d);
        SplittableRandom random = new SplittableRandom(1500 + m);
        float[] rows = RandomFill.floats(random, (long) m * ld, 4);
        int[] scenarioIds = new int[m * k];
        for (int i = 0; i < scenarioIds.length; i++) {
            scenarioIds[i] = random.nextInt(e);
        }
        float[] scenarioWeights = RandomFill.floats(random, (long) m * k, 1);
        try (DeviceBuffer logits = DeviceArrays.f32("logits+gate", rows, m, ld);
                DeviceBuffer scIds = DeviceArrays.i32("scenario ids", scenarioIds, m, k);
                DeviceBuffer scWeights = DeviceArrays.f32("scenario weights", scenarioWeights, m, k);
                DeviceBuffer ids = poisoned("ids", DType.I32, m, k + 1);
                DeviceBuffer weights = poisoned("weights", DType.F32, m, k + 1)) {
            inputsReady();
            new TopkSoftmaxKernel(lib, d, SharedRowLayout.BLOCK_PER_ROW)
                    .launchWithSharedExpert(stream, logits, scIds, scWeights, ids, weights, m, renormalize);
            AppendSharedExpertReference.Result ref =
                    AppendSharedExpertReference.apply(scenarioIds, scenarioWeights, gates(rows, m, ld, e), m, k, e);
            assertSameInts("wide ids, scenario " + d, ref.ids(), Compare.i32(ids));
            assertCloseF32("wide weights, scenario " + d, Compare.f32(weights), ref.weights(), k + 1);
        }
    }

    /**
     * Both layouts on the same rows (padding columns past E + 1 set huge: never chosen): the wide
     * kernel's ids exact and weights within fp32 of the reference, and both outputs equal to the warp
     * kernel's bit for bit. {@code asBf16}: the rows are rounded to bf16 and uploaded as bf16.
     */
    private static void check(ModelDims d, int m, boolean renormalize, float[] given, String what, boolean asBf16) {
        float[] rows = asBf16 ? Bf16.toFloats(Bf16.fromFloats(given)) : given;
        int e = d.experts();
        int k = d.topK();
        int ld = TopkSoftmaxKernel.routerGateRows(d);
        float[] routed = new float[m * e];
        for (int t = 0; t < m; t++) {
            System.arraycopy(rows, t * ld, routed, t * e, e);
            for (int c = e + 1; c < ld; c++) {
                rows[t * ld + c] = 1e30f;
            }
        }
        String name = what + " " + d + " M=" + m + (renormalize ? "" : ", not renormalized");
        try (DeviceBuffer logits = asBf16
                        ? DeviceArrays.bf16("logits+gate", Bf16.fromFloats(rows), m, ld)
                        : DeviceArrays.f32("logits+gate", rows, m, ld);
                DeviceBuffer ids = poisoned("ids (wide)", DType.I32, m, k + 1);
                DeviceBuffer weights = poisoned("weights (wide)", DType.F32, m, k + 1);
                DeviceBuffer warpIds = poisoned("ids (warp)", DType.I32, m, k + 1);
                DeviceBuffer warpWeights = poisoned("weights (warp)", DType.F32, m, k + 1)) {
            inputsReady();
            new TopkSoftmaxKernel(lib, d, SharedRowLayout.BLOCK_PER_ROW)
                    .launchWithSharedExpert(stream, logits, ids, weights, m, renormalize);
            new TopkSoftmaxKernel(lib, d).launchWithSharedExpert(stream, logits, warpIds, warpWeights, m, renormalize);
            TopkSoftmaxReference.Result ref = TopkSoftmaxReference.apply(routed, m, e, k, renormalize);
            AppendSharedExpertReference.Result app =
                    AppendSharedExpertReference.apply(ref.ids(), ref.weights(), gates(rows, m, ld, e), m, k, e);
            int[] gotIds = Compare.i32(ids);
            float[] gotWeights = Compare.f32(weights);
            assertSameInts("wide ids, " + name, app.ids(), gotIds);
            assertCloseF32("wide weights, " + name, gotWeights, app.weights(), k + 1);
            assertSameInts("wide ids vs warp kernel, " + name, Compare.i32(warpIds), gotIds);
            assertThat(gotWeights)
                    .as("wide weights vs warp kernel, bit for bit, %s", name)
                    .containsExactly(Compare.f32(warpWeights));
        }
    }

    /** Column E of each row: the shared-expert gate logit. */
    private static float[] gates(float[] rows, int m, int ld, int e) {
        float[] gate = new float[m];
        for (int t = 0; t < m; t++) {
            gate[t] = rows[t * ld + e];
        }
        return gate;
    }
}

package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.Compare.assertCloseF32;
import static org.fusescope.kernels.ops.Compare.assertSameInts;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.AppendSharedExpertReference;
import org.fusescope.kernels.reference.MoeSumReduceReference;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** topk_softmax (also with the gate column), append_shared_expert and moe_sum_reduce against their references. */
class RoutingKernelsTest extends GpuFixture {
    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#routedOnly")
    void topkSoftmaxFromFp32AndBf16LogitsThenAppendTheSharedExpert(ModelDims d, int m) {
        int e = d.experts();
        int k = d.topK();
        SplittableRandom random = new SplittableRandom(400 + m);
        float[] logits32 = RandomFill.floats(random, (long) m * e, 4);
        short[] logits16 = Bf16.fromFloats(logits32);
        try (DeviceBuffer l32 = DeviceArrays.f32("logits32", logits32, m, e);
                DeviceBuffer l16 = DeviceArrays.bf16("logits16", logits16, m, e);
                TestTensors gate = TestTensors.bf16("gate", random, 3, m, 1);
                DeviceBuffer gate32 = DeviceArrays.f32("gate32", gate.host(), m, 1);
                DeviceBuffer ids = poisoned("ids", DType.I32, m, k);
                DeviceBuffer weights = poisoned("weights", DType.F32, m, k);
                DeviceBuffer ids16 = poisoned("ids16", DType.I32, m, k);
                DeviceBuffer weights16 = poisoned("weights16", DType.F32, m, k);
                DeviceBuffer idsOut = poisoned("idsOut", DType.I32, m, k + 1);
                DeviceBuffer weightsOut = poisoned("weightsOut", DType.F32, m, k + 1);
                DeviceBuffer idsOut32 = poisoned("idsOut32", DType.I32, m, k + 1);
                DeviceBuffer weightsOut32 = poisoned("weightsOut32", DType.F32, m, k + 1)) {
            inputsReady();
            TopkSoftmaxKernel topk = new TopkSoftmaxKernel(lib, d);
            topk.launch(stream, l32, ids, weights, m, true);
            topk.launch(stream, l16, ids16, weights16, m, true);
            AppendSharedExpertKernel append = new AppendSharedExpertKernel(lib, d);
            append.launch(stream, ids, weights, gate.device(), idsOut, weightsOut, m);
            append.launch(stream, ids, weights, gate32, idsOut32, weightsOut32, m);

            TopkSoftmaxReference.Result ref = TopkSoftmaxReference.apply(logits32, m, e, k, true);
            assertSameInts("topk ids (fp32 logits)", ref.ids(), Compare.i32(ids));
            assertCloseF32("topk weights (fp32 logits)", Compare.f32(weights), ref.weights(), k);
            TopkSoftmaxReference.Result ref16 = TopkSoftmaxReference.apply(Bf16.toFloats(logits16), m, e, k, true);
            assertSameInts("topk ids (bf16 logits)", ref16.ids(), Compare.i32(ids16));
            assertCloseF32("topk weights (bf16 logits)", Compare.f32(weights16), ref16.weights(), k);

            AppendSharedExpertReference.Result app =
                    AppendSharedExpertReference.apply(ref.ids(), ref.weights(), gate.host(), m, k, e);
            for (DeviceBuffer[] outs :
                    List.of(new DeviceBuffer[] {idsOut, weightsOut}, new DeviceBuffer[] {idsOut32, weightsOut32})) {
                assertSameInts("append ids " + outs[0].name(), app.ids(), Compare.i32(outs[0]));
                assertCloseF32("append weights " + outs[1].name(), Compare.f32(outs[1]), app.weights(), k + 1);
            }
        }
    }

    /**
     * Both top-K kernels with {@code renormalize = false} ({@code norm_topk_prob: false}): the weights are
     * the full softmax's probabilities of the chosen K, summing to less than 1, and the shared slot
     * stays sigmoid(gate).
     */
    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#routedOnly")
    void topkSoftmaxWithoutRenormalization(ModelDims d, int m) {
        int e = d.experts();
        int k = d.topK();
        int ld = TopkSoftmaxKernel.routerGateRows(d);
        SplittableRandom random = new SplittableRandom(470 + m);
        float[] rows = RandomFill.floats(random, (long) m * ld, 4);
        float[] routed = new float[m * e];
        float[] gate = new float[m];
        for (int t = 0; t < m; t++) {
            System.arraycopy(rows, t * ld, routed, t * e, e);
            gate[t] = rows[t * ld + e];
        }
        try (DeviceBuffer logits = DeviceArrays.f32("logits", routed, m, e);
                DeviceBuffer logitsGate = DeviceArrays.f32("logits+gate", rows, m, ld);
                DeviceBuffer ids = poisoned("ids", DType.I32, m, k);
                DeviceBuffer weights = poisoned("weights", DType.F32, m, k);
                DeviceBuffer idsShared = poisoned("ids (shared)", DType.I32, m, k + 1);
                DeviceBuffer weightsShared = poisoned("weights (shared)", DType.F32, m, k + 1)) {
            inputsReady();
            TopkSoftmaxKernel kernel = new TopkSoftmaxKernel(lib, d);
            kernel.launch(stream, logits, ids, weights, m, false);
            kernel.launchWithSharedExpert(stream, logitsGate, idsShared, weightsShared, m, false);
            TopkSoftmaxReference.Result ref = TopkSoftmaxReference.apply(routed, m, e, k, false);
            float[] got = Compare.f32(weights);
            assertSameInts("topk ids, not renormalized " + d, ref.ids(), Compare.i32(ids));
            assertCloseF32("topk weights, not renormalized " + d, got, ref.weights(), k);
            for (int t = 0; t < m; t++) {
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    sum += got[t * k + j];
                }
                assertThat(sum).as("token %d's weights sum below 1", t).isLessThan(1 - 1e-3);
            }
            AppendSharedExpertReference.Result app =
                    AppendSharedExpertReference.apply(ref.ids(), ref.weights(), gate, m, k, e);
            assertSameInts("topk_softmax_shared ids, not renormalized " + d, app.ids(), Compare.i32(idsShared));
            assertCloseF32(
                    "topk_softmax_shared weights, not renormalized " + d,
                    Compare.f32(weightsShared),
                    app.weights(),
                    k + 1);
        }
    }

    /**
     * topk_softmax_shared_kernel (fusion router_gate) on logits rows of {@code routerGateRows} columns:
     * the top-K of the first E as topk_softmax, then the shared slot with sigmoid of column E; the
     * padding columns hold huge values that must not be chosen.
     */
    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#routedOnly")
    void topkSoftmaxWithTheGateColumnAppendsTheSharedExpert(ModelDims d, int m) {
        int e = d.experts();
        int k = d.topK();
        int ld = TopkSoftmaxKernel.routerGateRows(d);
        SplittableRandom random = new SplittableRandom(450 + m);
        float[] rows = RandomFill.floats(random, (long) m * ld, 4);
        float[] routed = new float[m * e];
        float[] gate = new float[m];
        for (int t = 0; t < m; t++) {
            System.arraycopy(rows, t * ld, routed, t * e, e);
            gate[t] = rows[t * ld + e];
            for (int c = e + 1; c < ld; c++) {
                rows[t * ld + c] = 1e30f;
            }
        }
        int[] scenarioIds = new int[m * k];
        float[] scenarioWeights = RandomFill.floats(random, (long) m * k, 1);
        for (int i = 0; i < scenarioIds.length; i++) {
            scenarioIds[i] = random.nextInt(e);
        }
        try (DeviceBuffer logits = DeviceArrays.f32("logits+gate", rows, m, ld);
                DeviceBuffer scIds = DeviceArrays.i32("scenario ids", scenarioIds, m, k);
                DeviceBuffer scWeights = DeviceArrays.f32("scenario weights", scenarioWeights, m, k);
                DeviceBuffer ids = poisoned("ids", DType.I32, m, k + 1);
                DeviceBuffer weights = poisoned("weights", DType.F32, m, k + 1);
                DeviceBuffer idsSc = poisoned("ids (scenario)", DType.I32, m, k + 1);
                DeviceBuffer weightsSc = poisoned("weights (scenario)", DType.F32, m, k + 1)) {
            inputsReady();
            TopkSoftmaxKernel kernel = new TopkSoftmaxKernel(lib, d);
            kernel.launchWithSharedExpert(stream, logits, ids, weights, m, true);
            kernel.launchWithSharedExpert(stream, logits, scIds, scWeights, idsSc, weightsSc, m, true);
            TopkSoftmaxReference.Result ref = TopkSoftmaxReference.apply(routed, m, e, k, true);
            AppendSharedExpertReference.Result app =
                    AppendSharedExpertReference.apply(ref.ids(), ref.weights(), gate, m, k, e);
            assertSameInts("topk_softmax_shared ids " + d, app.ids(), Compare.i32(ids));
            assertCloseF32("topk_softmax_shared weights " + d, Compare.f32(weights), app.weights(), k + 1);
            AppendSharedExpertReference.Result sc =
                    AppendSharedExpertReference.apply(scenarioIds, scenarioWeights, gate, m, k, e);
            assertSameInts("topk_softmax_shared ids, scenario " + d, sc.ids(), Compare.i32(idsSc));
            assertCloseF32("topk_softmax_shared weights, scenario " + d, Compare.f32(weightsSc), sc.weights(), k + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void moeSumReduce(ModelDims d, int m) {
        int slots = m * d.slotsPerToken();
        SplittableRandom random = new SplittableRandom(500 + m);
        try (TestTensors h2 = TestTensors.bf16("h2", random, 2, slots, d.hidden());
                DeviceBuffer out = poisoned("out", DType.BF16, m, d.hidden())) {
            inputsReady();
            new MoeSumReduceKernel(lib, d).launch(stream, h2.device(), out, m);
            float[] ref = MoeSumReduceReference.apply(h2.host(), m, d.hidden(), d.slotsPerToken());
            assertThat(ref.length).isEqualTo(m * d.hidden());
            assertClose("moe_sum_reduce " + d, Compare.bf16(out), ref, d.hidden());
        }
    }
}

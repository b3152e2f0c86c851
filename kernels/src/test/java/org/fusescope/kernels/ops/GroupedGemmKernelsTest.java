package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * grouped_gemm1 and grouped_gemm2 at full size against their references, routing from the
 * reference topk (+ shared expert) and align on random logits. Every slot is checked when M·K' ≤ 64,
 * else a random sample of 96 slots (the reference of all slots at M = 257 is ~6 G multiply-adds);
 * every output row must be written (no poison left).
 */
class GroupedGemmKernelsTest extends GpuFixture {
    private static final Map<Integer, ExpertWeights> WEIGHTS = new HashMap<>();

    @AfterAll
    static void freeWeights() {
        WEIGHTS.values().forEach(ExpertWeights::close);
        WEIGHTS.clear();
    }

    static ExpertWeights weights(ModelDims d) {
        return WEIGHTS.computeIfAbsent(d.experts(), e -> new ExpertWeights(d.withSharedAsExpert(false), 900 + e));
    }

    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void bothGemmsMatchTheReferenceOnRealisticRouting(ModelDims d, int m) {
        check(d, m, TensorCorePolicy.AUTO);
    }

    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void everyExpertOnTheTensorCoresMatchesTheReference(ModelDims d, int m) {
        check(d, m, 1);
    }

    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void thePipelinedTensorCoreItemsMatchTheReference(ModelDims d, int m) {
        check(d, m, TensorCorePolicy.AUTO, true);
        check(d, m, 1, true);
    }

    /** Pipelined items with more than 16 slots take several passes: the shared expert from M = 17. */
    @ParameterizedTest
    @MethodSource("passCases")
    void pipelinedExpertsWithManySlotsTakeSeveralPasses(ModelDims d, int m, int tensorCoreMinSlots) {
        check(d, m, tensorCoreMinSlots, true);
    }

    static Stream<Arguments> passCases() {
        ModelDims d = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        return Stream.of(Arguments.of(d, 17, 17), Arguments.of(d, 33, 16), Arguments.of(d, 64, 1));
    }

    @ParameterizedTest
    @MethodSource("org.fusescope.kernels.ops.Presets#withAndWithoutShared")
    void theCudaCoreGemmsMatchTheReferenceToo(ModelDims d, int m) {
        check(d, m, TensorCorePolicy.CUDA_CORES_ONLY);
    }

    /**
     * Experts left on CUDA cores with more than 8 slots are split into slot groups (one item each,
     * the last one partial): the shared expert at M = 16 and 20 under AUTO, and with the tensor cores
     * held back to 65 and 258 slots the shared expert at M = 64 (8 groups) and M = 257 (33 groups).
     */
    @ParameterizedTest
    @MethodSource("slotGroupCases")
    void heavyExpertsOnCudaCoresAreSplitIntoSlotGroups(ModelDims d, int m, int tensorCoreMinSlots) {
        check(d, m, tensorCoreMinSlots);
    }

    static Stream<Arguments> slotGroupCases() {
        ModelDims d = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        return Stream.of(
                Arguments.of(d, 16, TensorCorePolicy.AUTO),
                Arguments.of(d, 20, TensorCorePolicy.AUTO),
                Arguments.of(d, 64, 65),
                Arguments.of(d, 257, 258));
    }

    private void check(ModelDims d, int m, int tensorCoreMinSlots) {
        check(d, m, tensorCoreMinSlots, false);
    }

    private void check(ModelDims d, int m, int tensorCoreMinSlots, boolean pipelined) {
        ExpertWeights w = weights(d);
        SplittableRandom random = new SplittableRandom(1000 + m);
        int kp = d.slotsPerToken();
        int slots = m * kp;
        int h = d.hidden();
        int inter = d.inter();
        Routing routing = SampledReference.routing(random, d, m);
        try (TestTensors y = TestTensors.bf16("y", random, 2, m, h);
                TestTensors a = TestTensors.bf16("a", random, 2, slots, inter);
                DeviceBuffer count = DeviceArrays.i32("count", routing.count(), d.tableExperts());
                DeviceBuffer e2t = DeviceArrays.i32("e2t", routing.expertToTokens(), d.tableExperts(), slots);
                DeviceBuffer e2w = DeviceArrays.f32("e2w", routing.expertToWeights(), d.tableExperts(), slots);
                DeviceBuffer h1 = poisoned("h1", DType.BF16, slots, 2L * inter);
                DeviceBuffer h2 = poisoned("h2", DType.BF16, slots, h)) {
            inputsReady();
            new GroupedGemm1Kernel(lib, d, tensorCoreMinSlots, pipelined)
                    .launch(stream, y.device(), w.dW13, count, e2t, h1, m);
            new GroupedGemm2Kernel(lib, d, tensorCoreMinSlots, pipelined)
                    .launch(stream, a.device(), w.dW2, count, e2t, e2w, h2, m);
            int[] sample = SampledReference.sample(random, slots);
            SampledReference ref = new SampledReference(w, routing, sample, kp);
            assertClose(
                    "grouped_gemm1 " + (pipelined ? "pipelined " : "") + "min tc slots " + tensorCoreMinSlots + " " + d
                            + " M=" + m,
                    SampledReference.rows(Compare.bf16(h1), sample, 2 * inter, true),
                    ref.gemm1(y.host(), m),
                    2 * inter);
            assertClose(
                    "grouped_gemm2 " + (pipelined ? "pipelined " : "") + "min tc slots " + tensorCoreMinSlots + " " + d
                            + " M=" + m,
                    SampledReference.rows(Compare.bf16(h2), sample, h, true),
                    ref.gemm2(a.host(), slots),
                    h);
        }
    }
}

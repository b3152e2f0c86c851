package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.MoeSumReduceReference;
import org.fusescope.kernels.reference.SiluAndMulReference;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small-batch fused GEMMs (switches gemm1_silu and gemm2_sum) at full size: grouped_gemm1_silu against
 * the CPU reference of grouped_gemm1 + silu_and_mul and, bit for bit, against the CUDA-core grouped_gemm1 +
 * silu_and_mul kernels; grouped_gemm2_sum against the reference of grouped_gemm2 + moe_sum_reduce over every
 * slot and, bit for bit (out and h2), against the CUDA-core grouped_gemm2 + moe_sum_reduce kernels, twice, or,
 * past its {@link GroupedGemm2SumKernel#MAX_SLOTS} slots, refusing the launch. Outputs poisoned first.
 */
class GroupedGemmSmallBatchKernelsTest extends GpuFixture {

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ModelDims d : new ModelDims[] {ModelDims.QWEN3_NEXT, ModelDims.QWEN35, ModelDims.TINY}) {
            for (boolean shared : new boolean[] {false, true}) {
                for (int m : new int[] {1, 4, 16}) {
                    out.add(Arguments.of(d.withSharedAsExpert(shared), m));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gemm1SiluMatchesTheReferenceAndTheTwoKernels(ModelDims d, int m) {
        ExpertWeights w = GroupedGemmKernelsTest.weights(d);
        SplittableRandom random = new SplittableRandom(2000 + m);
        int slots = m * d.slotsPerToken();
        int inter = d.inter();
        Routing routing = SampledReference.routing(random, d, m);
        try (TestTensors y = TestTensors.bf16("y", random, 2, m, d.hidden());
                DeviceBuffer count = DeviceArrays.i32("count", routing.count(), d.tableExperts());
                DeviceBuffer e2t = DeviceArrays.i32("e2t", routing.expertToTokens(), d.tableExperts(), slots);
                DeviceBuffer h1 = poisoned("h1", DType.BF16, slots, 2L * inter);
                DeviceBuffer twoKernels = poisoned("a two kernels", DType.BF16, slots, inter);
                DeviceBuffer fused = poisoned("a fused", DType.BF16, slots, inter)) {
            inputsReady();
            new GroupedGemm1Kernel(lib, d, TensorCorePolicy.CUDA_CORES_ONLY)
                    .launch(stream, y.device(), w.dW13, count, e2t, h1, m);
            new SiluAndMulKernel(lib, d).launch(stream, h1, twoKernels, slots);
            new GroupedGemm1SiluKernel(lib, d).launch(stream, y.device(), w.dW13, count, e2t, fused, m);
            float[] out = Compare.bf16(fused);
            int[] sample = slots <= SampledReference.SAMPLE
                    ? IntStream.range(0, slots).toArray()
                    : SampledReference.sample(random, slots);
            SampledReference ref = new SampledReference(w, routing, sample, d.slotsPerToken());
            assertClose(
                    "grouped_gemm1_silu " + d + " M=" + m,
                    SampledReference.rows(out, sample, inter, true),
                    SiluAndMulReference.apply(ref.gemm1(y.host(), m), sample.length, inter),
                    inter);
            assertThat(out)
                    .as("grouped_gemm1_silu vs grouped_gemm1 + silu_and_mul, bits")
                    .containsExactly(Compare.bf16(twoKernels));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gemm2SumMatchesTheReferenceAndTheTwoKernels(ModelDims d, int m) {
        ExpertWeights w = GroupedGemmKernelsTest.weights(d);
        SplittableRandom random = new SplittableRandom(3000 + m);
        int kp = d.slotsPerToken();
        int slots = m * kp;
        int h = d.hidden();
        Routing routing = SampledReference.routing(random, d, m);
        try (TestTensors a = TestTensors.bf16("a", random, 2, slots, d.inter());
                DeviceBuffer count = DeviceArrays.i32("count", routing.count(), d.tableExperts());
                DeviceBuffer e2t = DeviceArrays.i32("e2t", routing.expertToTokens(), d.tableExperts(), slots);
                DeviceBuffer e2w = DeviceArrays.f32("e2w", routing.expertToWeights(), d.tableExperts(), slots);
                DeviceBuffer h2 = poisoned("h2", DType.BF16, slots, h);
                DeviceBuffer twoKernels = poisoned("out two kernels", DType.BF16, m, h);
                DeviceBuffer fusedH2 = poisoned("h2 fused", DType.BF16, slots, h);
                DeviceBuffer fused = poisoned("out fused", DType.BF16, m, h)) {
            inputsReady();
            GroupedGemm2SumKernel sum = new GroupedGemm2SumKernel(lib, d);
            if (slots > GroupedGemm2SumKernel.MAX_SLOTS) {
                assertThatThrownBy(() -> sum.launch(stream, a.device(), w.dW2, count, e2t, e2w, fusedH2, fused, m))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(Integer.toString(GroupedGemm2SumKernel.MAX_SLOTS));
                return;
            }
            new GroupedGemm2Kernel(lib, d, TensorCorePolicy.CUDA_CORES_ONLY)
                    .launch(stream, a.device(), w.dW2, count, e2t, e2w, h2, m);
            new MoeSumReduceKernel(lib, d).launch(stream, h2, twoKernels, m);
            sum.launch(stream, a.device(), w.dW2, count, e2t, e2w, fusedH2, fused, m);
            float[] first = Compare.bf16(fused);
            fused.fill((byte) 0xff);
            sum.launch(stream, a.device(), w.dW2, count, e2t, e2w, fusedH2, fused, m);
            float[] out = Compare.bf16(fused);
            int[] all = IntStream.range(0, slots).toArray();
            float[] h2Ref = new SampledReference(w, routing, all, kp).gemm2(a.host(), slots);
            assertClose(
                    "grouped_gemm2_sum " + d + " M=" + m,
                    SampledReference.rows(out, IntStream.range(0, m).toArray(), h, true),
                    MoeSumReduceReference.apply(h2Ref, m, h, kp),
                    h);
            assertThat(out)
                    .as("grouped_gemm2_sum vs grouped_gemm2 + moe_sum_reduce, bits")
                    .containsExactly(Compare.bf16(twoKernels));
            assertThat(Compare.bf16(fusedH2))
                    .as("grouped_gemm2_sum's h2 vs grouped_gemm2's, bits")
                    .containsExactly(Compare.bf16(h2));
            assertThat(out).as("a second launch gives the same bits").containsExactly(first);
        }
    }
}

package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.AttnGateSigmoidMulReference;
import org.fusescope.kernels.reference.AttnGateSigmoidReference;
import org.fusescope.kernels.reference.DecodeAttentionReference;
import org.fusescope.kernels.reference.KvAppendReference;
import org.fusescope.kernels.reference.MulReference;
import org.fusescope.kernels.reference.QkRmsNormReference;
import org.fusescope.kernels.reference.RotaryPartialReference;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attention layer's kernels in the decode order on one padded qkvo_gemm row: qk_rmsnorm,
 * rotary_partial, kv_append (the row at each position starts as NaN, so attention must see the
 * appended key), decode_attention with the rule's split, then the gate both fused and unfused;
 * against the references chained the same way from the same inputs.
 */
class AttentionLayerChainKernelTest extends GpuFixture {
    static List<Arguments> cases() {
        return List.of(
                Arguments.of(AttentionDims.TINY, 3, 7),
                Arguments.of(AttentionDims.QWEN3_NEXT, 1, 4096),
                Arguments.of(AttentionDims.QWEN3_NEXT, 3, 1000),
                Arguments.of(AttentionDims.QWEN3_NEXT, 64, 300));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void chainMatchesTheChainedReferences(AttentionDims d, int m, int context) {
        SplittableRandom random = new SplittableRandom(13L * m + context);
        int[] positions = KvCacheData.positions(random, m, context);
        int[] beforeAppend = new int[m];
        for (int r = 0; r < m; r++) {
            beforeAppend[r] = positions[r] - 1;
        }
        int qWidth = d.queryHeads() * d.headDim();
        try (ProjectionRows proj = ProjectionRows.random(random, d, m, ProjectionRows.Layout.FUSED_PADDED, 2);
                TestTensors qw = TestTensors.bf16("qWeight", random, 0.5, d.headDim());
                TestTensors kw = TestTensors.bf16("kWeight", random, 0.5, d.headDim());
                KvCacheData cache = KvCacheData.random(random, d, m, context, beforeAppend, 1);
                DeviceBuffer pos = DeviceArrays.i32("positions", positions, m);
                DeviceBuffer q = poisoned("q", DType.BF16, m, qWidth);
                DeviceBuffer k = poisoned("k", DType.BF16, m, (long) d.kvHeads() * d.headDim());
                DeviceBuffer attn = poisoned("attn", DType.BF16, m, qWidth);
                DeviceBuffer sig = poisoned("sig", DType.BF16, m, qWidth);
                DeviceBuffer gatedUnfused = poisoned("gatedUnfused", DType.BF16, m, qWidth)) {
            AttentionSplit split = AttentionSplit.choose(m, d.kvHeads(), context, lib.multiprocessors());
            inputsReady();
            new QkRmsNormKernel(lib, d).launch(stream, proj.q, proj.k, qw.device(), kw.device(), q, k, m, EPS);
            new RotaryPartialKernel(lib, d).launch(stream, q, k, pos, m);
            new KvAppendKernel(lib, d)
                    .launch(stream, ColumnSlice.of(k), proj.v, cache.kCache, cache.vCache, pos, m, context);
            try (DeviceBuffer partialO = DeviceArrays.out(
                            "partialO", DType.F32, DecodeAttentionCombineKernel.partialOutputShape(d, m, split));
                    DeviceBuffer partialLse = DeviceArrays.out(
                            "partialLse", DType.F32, DecodeAttentionCombineKernel.partialLseShape(d, m, split))) {
                new DecodeAttentionKernel(lib, d)
                        .launch(
                                stream,
                                q,
                                cache.kCache,
                                cache.vCache,
                                pos,
                                attn,
                                partialO,
                                partialLse,
                                m,
                                context,
                                split);
                new AttnGateSigmoidKernel(lib, d).launch(stream, proj.q, sig, m);
                new MulKernel(lib, ModelDims.QWEN3_NEXT).launch(stream, attn, sig, gatedUnfused, m, qWidth, qWidth);
                new AttnGateSigmoidMulKernel(lib, d).launch(stream, proj.q, attn, m);
                GpuFixture.context.synchronize(); // before the scratch buffers are freed
            }

            QkRmsNormReference.Result normed =
                    QkRmsNormReference.apply(proj.qGate, proj.kHost, qw.host(), kw.host(), m, d, EPS);
            float[] qRef = RotaryPartialReference.apply(
                    normed.q(), positions, m, d.queryHeads(), d.headDim(), d.rotaryDim(), d.ropeTheta());
            float[] kRef = RotaryPartialReference.apply(
                    normed.k(), positions, m, d.kvHeads(), d.headDim(), d.rotaryDim(), d.ropeTheta());
            KvAppendReference.Result caches =
                    KvAppendReference.apply(cache.kHost, cache.vHost, kRef, proj.vHost, positions, m, d, context);
            float[] attnRef =
                    DecodeAttentionReference.apply(qRef, caches.kCache(), caches.vCache(), positions, m, d, context);
            String what = d + " M=" + m + " context " + context + ", " + split;
            assertClose(
                    "attention then attn_gate_sigmoid_mul " + what,
                    Compare.bf16(attn),
                    AttnGateSigmoidMulReference.apply(proj.qGate, attnRef, m, d),
                    qWidth);
            float[] sigRef = AttnGateSigmoidReference.apply(proj.qGate, m, d);
            assertClose(
                    "attention then attn_gate_sigmoid + mul " + what,
                    Compare.bf16(gatedUnfused),
                    MulReference.apply(attnRef, sigRef, m, qWidth, qWidth),
                    qWidth);
        }
    }
}

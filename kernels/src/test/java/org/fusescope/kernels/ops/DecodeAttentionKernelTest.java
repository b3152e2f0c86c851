package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.ops.Compare.assertClose;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.DecodeAttentionReference;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * decode_attention (single pass, and split + decode_attention_combine) against its reference: tiny
 * and Qwen3-Next sizes, M = 1, 3, 64, contexts 1, 7, 1000, 4096 and 32768, requests of mixed lengths
 * (request 0 attends the whole context, the others a random prefix), the cache past each request's
 * position poisoned with NaN, every split the rule can pick plus forced ones (the last chunk taking
 * extra keys, chunks without keys).
 */
class DecodeAttentionKernelTest extends GpuFixture {
    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (AttentionDims d : new AttentionDims[] {AttentionDims.TINY, AttentionDims.QWEN3_NEXT}) {
            for (int m : new int[] {1, 3, 64}) {
                for (int context : new int[] {1, 7, 4096}) {
                    out.add(Arguments.of(d, m, context));
                }
            }
            out.add(Arguments.of(d, 3, 1000));
        }
        out.add(Arguments.of(AttentionDims.QWEN3_NEXT, 1, 32768));
        return out;
    }

    /** The rule's choice, the single pass, chunks of 64 keys, and 3 chunks of context/5 (the last takes the rest). */
    static Set<AttentionSplit> splits(AttentionDims d, int m, int context, int multiprocessors) {
        Set<AttentionSplit> s = new LinkedHashSet<>();
        s.add(AttentionSplit.choose(m, d.kvHeads(), context, multiprocessors));
        s.add(AttentionSplit.SINGLE_PASS);
        s.add(AttentionSplit.chunksOf(64, context));
        s.add(new AttentionSplit(3, Math.max(1, context / 5)));
        return s;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void attentionMatchesTheReferenceInEverySplit(AttentionDims d, int m, int context) {
        SplittableRandom random = new SplittableRandom(71L * m + context);
        int[] positions = KvCacheData.positions(random, m, context);
        long width = (long) d.queryHeads() * d.headDim();
        try (TestTensors q = TestTensors.bf16("q", random, 2, m, width);
                KvCacheData cache = KvCacheData.random(random, d, m, context, positions, 2);
                DeviceBuffer pos = DeviceArrays.i32("positions", positions, m)) {
            inputsReady();
            float[] ref = DecodeAttentionReference.apply(q.host(), cache.kHost, cache.vHost, positions, m, d, context);
            for (AttentionSplit split : splits(d, m, context, lib.multiprocessors())) {
                float[] out = run(d, q.device(), cache, pos, m, context, split);
                assertClose("decode_attention " + d + " M=" + m + " context " + context + ", " + split, out, ref, (int)
                        width);
            }
        }
    }

    @Test
    void aPositionOutsideTheCacheGivesNaNForThatRequestOnly() {
        AttentionDims d = AttentionDims.QWEN3_NEXT;
        int m = 3;
        int context = 300;
        int[] positions = {context - 1, context, -1};
        SplittableRandom random = new SplittableRandom(5);
        long width = (long) d.queryHeads() * d.headDim();
        try (TestTensors q = TestTensors.bf16("q", random, 2, m, width);
                KvCacheData cache = KvCacheData.random(random, d, m, context, positions, 2);
                DeviceBuffer pos = DeviceArrays.i32("positions", positions, m)) {
            inputsReady();
            float[] ref = DecodeAttentionReference.apply(q.host(), cache.kHost, cache.vHost, positions, m, d, context);
            int w = (int) width;
            for (AttentionSplit split : List.of(AttentionSplit.SINGLE_PASS, AttentionSplit.chunksOf(64, context))) {
                float[] out = run(d, q.device(), cache, pos, m, context, split);
                assertClose("request 0, " + split, Arrays.copyOfRange(out, 0, w), Arrays.copyOfRange(ref, 0, w), w);
                assertThat(Arrays.copyOfRange(out, w, 3 * w))
                        .as("requests 1, 2, " + split)
                        .containsOnly(Float.NaN);
            }
        }
    }

    /** Runs the kernel on poisoned outputs and scratch, returns the output. */
    private static float[] run(
            AttentionDims d,
            DeviceBuffer q,
            KvCacheData cache,
            DeviceBuffer pos,
            int m,
            int context,
            AttentionSplit split) {
        long width = (long) d.queryHeads() * d.headDim();
        try (DeviceBuffer out = poisoned("out", DType.BF16, m, width);
                DeviceBuffer partialO =
                        poisoned("partialO", DType.F32, DecodeAttentionCombineKernel.partialOutputShape(d, m, split));
                DeviceBuffer partialLse =
                        poisoned("partialLse", DType.F32, DecodeAttentionCombineKernel.partialLseShape(d, m, split))) {
            new DecodeAttentionKernel(lib, d)
                    .launch(stream, q, cache.kCache, cache.vCache, pos, out, partialO, partialLse, m, context, split);
            return Compare.bf16(out);
        }
    }
}

package org.fusescope.kernels.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.KvAppendReference;
import org.fusescope.kernels.shape.AttentionDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kv_append against its reference, bit for bit over the whole caches (nothing but the new rows may
 * change): tiny and Qwen3-Next sizes, M = 1, 3, 64, cache capacities 1, 7 and 4096, k and v read
 * from separate projections and from (padded) fused rows; at M = 3 the last request has a position
 * past the capacity and must write nothing.
 */
class KvAppendKernelTest extends GpuFixture {
    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        ProjectionRows.Layout[] layouts = ProjectionRows.Layout.values();
        for (AttentionDims d : new AttentionDims[] {AttentionDims.TINY, AttentionDims.QWEN3_NEXT}) {
            for (int m : new int[] {1, 3, 64}) {
                for (int context : new int[] {1, 7, 4096}) {
                    out.add(Arguments.of(d, m, context, layouts[out.size() % layouts.length]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void appendWritesExactlyTheNewRows(AttentionDims d, int m, int context, ProjectionRows.Layout layout) {
        SplittableRandom random = new SplittableRandom(53L * m + context);
        int[] positions = KvCacheData.positions(random, m, context);
        if (m == 3) {
            positions[2] = context;
        }
        try (ProjectionRows proj = ProjectionRows.random(random, d, m, layout, 2);
                KvCacheData cache = KvCacheData.random(random, d, m, context, null, 2);
                DeviceBuffer pos = DeviceArrays.i32("positions", positions, m)) {
            inputsReady();
            new KvAppendKernel(lib, d).launch(stream, proj.k, proj.v, cache.kCache, cache.vCache, pos, m, context);
            KvAppendReference.Result ref =
                    KvAppendReference.apply(cache.kHost, cache.vHost, proj.kHost, proj.vHost, positions, m, d, context);
            String what = d + " M=" + m + " context " + context + " " + layout;
            assertSameValues("kv_append k cache " + what, ref.kCache(), Compare.bf16(cache.kCache));
            assertSameValues("kv_append v cache " + what, ref.vCache(), Compare.bf16(cache.vCache));
        }
    }

    private static void assertSameValues(String what, float[] expected, float[] actual) {
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                mismatches++;
                first = first < 0 ? i : first;
            }
        }
        if (mismatches > 0 || expected.length != actual.length) {
            throw new AssertionError(what + ": " + mismatches + " of " + expected.length + " differ, first at " + first
                    + (first < 0 ? "" : ": expected " + expected[first] + ", got " + actual[first]));
        }
    }
}

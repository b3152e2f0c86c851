package org.fusescope.kernels.ops;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * A random KV cache pair on the device and the host ({@code [rows, Hkv, maxContext, D]}), and the
 * per-request positions the attention tests use.
 */
final class KvCacheData implements AutoCloseable {
    private static final short NAN_BITS = (short) 0xFFFF;

    final DeviceBuffer kCache;
    final DeviceBuffer vCache;
    final float[] kHost;
    final float[] vHost;

    private KvCacheData(DeviceBuffer kCache, DeviceBuffer vCache, float[] kHost, float[] vHost) {
        this.kCache = kCache;
        this.vCache = vCache;
        this.kHost = kHost;
        this.vHost = vHost;
    }

    /**
     * Request 0 at {@code context − 1} (the longest), the others uniform in {@code [0, context)}, so a
     * batch mixes lengths.
     */
    static int[] positions(SplittableRandom random, int rows, int context) {
        int[] p = new int[rows];
        for (int r = 0; r < rows; r++) {
            p[r] = r == 0 ? context - 1 : random.nextInt(context);
        }
        return p;
    }

    /**
     * Uniform ±{@code scale} keys and values; with {@code poisonAfter} non-null, every position past
     * {@code poisonAfter[m]} of request m holds NaN (a kernel that reads there poisons its output).
     */
    static KvCacheData random(
            SplittableRandom random, AttentionDims d, int rows, int maxContext, int[] poisonAfter, double scale) {
        long[] shape = KvAppendKernel.cacheShape(d, rows, maxContext);
        long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        short[] k = RandomFill.bf16(random, n, scale);
        short[] v = RandomFill.bf16(random, n, scale);
        if (poisonAfter != null) {
            int rowLength = maxContext * d.headDim();
            for (int r = 0; r < rows; r++) {
                for (int h = 0; h < d.kvHeads(); h++) {
                    int base = (r * d.kvHeads() + h) * rowLength;
                    int from = base + Math.min(maxContext, poisonAfter[r] + 1) * d.headDim();
                    Arrays.fill(k, from, base + rowLength, NAN_BITS);
                    Arrays.fill(v, from, base + rowLength, NAN_BITS);
                }
            }
        }
        DeviceBuffer kc = DeviceArrays.bf16("kCache", k, shape);
        try {
            DeviceBuffer vc = DeviceArrays.bf16("vCache", v, shape);
            return new KvCacheData(kc, vc, Bf16.toFloats(k), Bf16.toFloats(v));
        } catch (RuntimeException e) {
            kc.close();
            throw e;
        }
    }

    @Override
    public void close() {
        kCache.close();
        vCache.close();
    }
}

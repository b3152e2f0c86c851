package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.DeviceArrays.bf16;
import static org.fusescope.kernels.ops.DeviceArrays.i32;
import static org.fusescope.kernels.ops.DeviceArrays.out;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The {@link BenchCase}s of the gated attention layer's kernels at one batch size and context: every
 * request attends {@code context} keys ({@code position = context − 1}) of a cache of exactly that
 * capacity. Inputs rotate over buffer sets as in {@link KernelBenchCases}; the KV caches hold a
 * constant (bytes 0x3C, bf16 ≈ 0.0115: the timing does not depend on the values). Cases whose two
 * caches would exceed {@value #MAX_CACHE_BYTES} bytes are left out. Needs the library's context
 * current; not thread-safe.
 */
public final class AttentionBenchCases {
    /** Largest k + v cache of one buffer set that a case allocates, bytes. */
    public static final long MAX_CACHE_BYTES = 16L << 30;

    private static final float EPS = 1e-6f;
    private static final long SEED = 0xA77E;

    private AttentionBenchCases() {}

    /**
     * The attention kernels at {@code tokens} requests of {@code context} keys; close each case.
     *
     * @param moe the MoE sizes, only to pick the compiled module of the shared {@code mul} kernel
     */
    public static List<BenchCase> all(
            KernelLibrary lib, AttentionDims dims, ModelDims moe, int tokens, int context, long minBytes) {
        Args.positive("tokens", tokens);
        Args.positive("context", context);
        Builder b = new Builder(lib, dims, tokens, context, minBytes);
        List<BenchCase> cases = new ArrayList<>();
        try {
            b.normAndRope(cases);
            if (2L * tokens * dims.kvHeads() * context * dims.headDim() * 2 <= MAX_CACHE_BYTES) {
                b.cacheOps(cases);
            }
            b.gate(cases, new MulKernel(lib, moe));
            lib.context().synchronize();
            return cases;
        } catch (RuntimeException e) {
            cases.forEach(BenchCase::close);
            throw e;
        }
    }

    private static final class Builder {
        private final KernelLibrary lib;
        private final AttentionDims d;
        private final int m;
        private final int context;
        private final long minBytes;
        private final SplittableRandom random = new SplittableRandom(SEED);
        private final long qGateWidth;
        private final long qWidth;
        private final long kvWidth;

        Builder(KernelLibrary lib, AttentionDims dims, int tokens, int context, long minBytes) {
            this.lib = lib;
            this.d = dims;
            this.m = tokens;
            this.context = context;
            this.minBytes = minBytes;
            this.qWidth = (long) dims.queryHeads() * dims.headDim();
            this.qGateWidth = 2 * qWidth;
            this.kvWidth = (long) dims.kvHeads() * dims.headDim();
        }

        DeviceBuffer rnd(String name, long... shape) {
            return bf16(name, RandomFill.bf16(random, Arrays.stream(shape).reduce(1, (a, x) -> a * x), 1.0), shape);
        }

        DeviceBuffer positions() {
            int[] p = new int[m];
            Arrays.fill(p, context - 1);
            return i32("positions", p, m);
        }

        DeviceBuffer cache(String name) {
            DeviceBuffer c = out(name, DType.BF16, KvAppendKernel.cacheShape(d, m, context));
            c.fill((byte) 0x3C);
            return c;
        }

        BenchCase make(String op, Work work, IntFunction<DeviceBuffer[]> factory, BufferSetCase.SetLauncher launcher) {
            return new BufferSetCase(
                    op, m, work, KernelBenchCases.copies(minBytes, work.bytes()), List.of(), factory, launcher);
        }

        /**
         * A case whose buffer sets hold a k and a v cache: copies as {@link #make}, but together at most
         * {@value #MAX_CACHE_BYTES} bytes of caches (a kv_append moves little, so the rotation would
         * otherwise ask for {@link KernelBenchCases#MAX_COPIES} full caches: 128 GiB at M = 256).
         */
        BenchCase makeCached(
                String op, Work work, IntFunction<DeviceBuffer[]> factory, BufferSetCase.SetLauncher launcher) {
            long cacheBytes = 2L
                    * DType.BF16.bytes()
                    * Arrays.stream(KvAppendKernel.cacheShape(d, m, context)).reduce(1, (a, x) -> a * x);
            int copies = (int) Math.min(
                    KernelBenchCases.copies(minBytes, work.bytes()), Math.max(1, MAX_CACHE_BYTES / cacheBytes));
            return new BufferSetCase(op, m, work, copies, List.of(), factory, launcher);
        }

        void normAndRope(List<BenchCase> cases) {
            QkRmsNormKernel norm = new QkRmsNormKernel(lib, d);
            cases.add(make(
                    "qk_rmsnorm",
                    QkRmsNormKernel.work(d, m),
                    c -> new DeviceBuffer[] {
                        rnd("qProj", m, qGateWidth),
                        rnd("kProj", m, kvWidth),
                        rnd("qWeight", d.headDim()),
                        rnd("kWeight", d.headDim()),
                        out("q", DType.BF16, m, qWidth),
                        out("k", DType.BF16, m, kvWidth)
                    },
                    (s, b) -> norm.launch(
                            s, ColumnSlice.of(b[0]), ColumnSlice.of(b[1]), b[2], b[3], b[4], b[5], m, EPS)));
            RotaryPartialKernel rope = new RotaryPartialKernel(lib, d);
            cases.add(make(
                    "rotary_partial",
                    RotaryPartialKernel.work(d, m),
                    c -> new DeviceBuffer[] {rnd("q", m, qWidth), rnd("k", m, kvWidth), positions()},
                    (s, b) -> rope.launch(s, b[0], b[1], b[2], m)));
        }

        void cacheOps(List<BenchCase> cases) {
            KvAppendKernel append = new KvAppendKernel(lib, d);
            cases.add(makeCached(
                    "kv_append",
                    KvAppendKernel.work(d, m),
                    c -> new DeviceBuffer[] {
                        rnd("k", m, kvWidth), rnd("v", m, kvWidth), cache("kCache"), cache("vCache"), positions()
                    },
                    (s, b) -> append.launch(
                            s, ColumnSlice.of(b[0]), ColumnSlice.of(b[1]), b[2], b[3], b[4], m, context)));
            AttentionSplit chosen = AttentionSplit.choose(m, d.kvHeads(), context, lib.multiprocessors());
            attention(cases, chosen);
            if (!chosen.singlePass()) {
                attention(cases, AttentionSplit.SINGLE_PASS);
            }
        }

        void attention(List<BenchCase> cases, AttentionSplit split) {
            DecodeAttentionKernel attention = new DecodeAttentionKernel(lib, d);
            Work work = DecodeAttentionKernel.work(d, m, context, split);
            if (!split.singlePass()) {
                work = work.plus(DecodeAttentionCombineKernel.work(d, m, context, split));
            }
            cases.add(makeCached(
                    "decode_attention ctx " + context + ", " + split,
                    work,
                    c -> attentionSet(split),
                    (s, b) -> attention.launch(
                            s,
                            b[0],
                            b[1],
                            b[2],
                            b[3],
                            b[4],
                            b.length > 5 ? b[5] : null,
                            b.length > 5 ? b[6] : null,
                            m,
                            context,
                            split)));
        }

        /** q, k cache, v cache, positions, out, and for a split the partial outputs and log-sum-exps. */
        DeviceBuffer[] attentionSet(AttentionSplit split) {
            List<DeviceBuffer> set = new ArrayList<>(List.of(
                    rnd("q", m, qWidth),
                    cache("kCache"),
                    cache("vCache"),
                    positions(),
                    out("out", DType.BF16, m, qWidth)));
            if (!split.singlePass()) {
                set.add(out("partialO", DType.F32, DecodeAttentionCombineKernel.partialOutputShape(d, m, split)));
                set.add(out("partialLse", DType.F32, DecodeAttentionCombineKernel.partialLseShape(d, m, split)));
            }
            return set.toArray(DeviceBuffer[]::new);
        }

        void gate(List<BenchCase> cases, MulKernel mul) {
            AttnGateSigmoidKernel sigmoid = new AttnGateSigmoidKernel(lib, d);
            cases.add(make(
                    "attn_gate_sigmoid",
                    AttnGateSigmoidKernel.work(d, m),
                    c -> new DeviceBuffer[] {rnd("qProj", m, qGateWidth), out("sig", DType.BF16, m, qWidth)},
                    (s, b) -> sigmoid.launch(s, ColumnSlice.of(b[0]), b[1], m)));
            int cols = (int) qWidth;
            cases.add(make(
                    "mul (attention gate)",
                    MulKernel.work(m, cols, cols),
                    c -> new DeviceBuffer[] {rnd("attn", m, qWidth), rnd("sig", m, qWidth)},
                    (s, b) -> mul.launch(s, b[0], b[1], b[0], m, cols, cols)));
            AttnGateSigmoidMulKernel fused = new AttnGateSigmoidMulKernel(lib, d);
            cases.add(make(
                    "attn_gate_sigmoid_mul",
                    AttnGateSigmoidMulKernel.work(d, m),
                    c -> new DeviceBuffer[] {rnd("qProj", m, qGateWidth), rnd("attn", m, qWidth)},
                    (s, b) -> fused.launch(s, ColumnSlice.of(b[0]), b[1], m)));
        }
    }
}

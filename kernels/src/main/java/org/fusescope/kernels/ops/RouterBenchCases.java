package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.DeviceArrays.bf16;
import static org.fusescope.kernels.ops.DeviceArrays.f32;
import static org.fusescope.kernels.ops.DeviceArrays.out;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The router of fusion {@code router_gate} both ways, side by side: the router GEMM with the gate row
 * ({@link TopkSoftmaxKernel#routerGateRows} rows, fp32 logits) through cuBLAS and through {@code
 * router_gemv} (switch {@code router_gemv}), and {@code topk_softmax_shared} with one warp and with one
 * block per row (switch {@code topk_wide}). Each buffer set has its own weights and logits, as in {@link
 * DenseBenchCases}. Needs the context current; not thread-safe.
 */
public final class RouterBenchCases {
    private static final long SEED = 0x2007E5L;

    private RouterBenchCases() {}

    /** The four cases at {@code tokens} tokens; close each when done. */
    public static List<BenchCase> all(KernelLibrary lib, Blas blas, ModelDims d, int tokens, long minBytes) {
        SplittableRandom random = new SplittableRandom(SEED);
        int rows = TopkSoftmaxKernel.routerGateRows(d);
        int h = d.hidden();
        int m = tokens;
        List<BenchCase> cases = new ArrayList<>();
        try {
            Work gemm = RouterGemvKernel.work(m, rows, h);
            RouterGemvKernel gemv = new RouterGemvKernel(lib, d);
            cases.add(make(
                    "router_gate_gemm (cuBLAS)",
                    m,
                    gemm,
                    minBytes,
                    c -> gemmSet(random, m, rows, h),
                    (s, b) -> blas.linear(s, b[0], b[1], b[2])));
            cases.add(make(
                    "router_gate_gemv",
                    m,
                    gemm,
                    minBytes,
                    c -> gemmSet(random, m, rows, h),
                    (s, b) -> gemv.launch(s, b[0], b[1], b[2], m)));
            Work topk = TopkSoftmaxKernel.work(d, m, DType.F32, true);
            for (SharedRowLayout layout : SharedRowLayout.values()) {
                TopkSoftmaxKernel kernel = new TopkSoftmaxKernel(lib, d, layout);
                String op = layout == SharedRowLayout.WARP_PER_ROW ? "topk_softmax_shared" : "topk_softmax_shared_wide";
                cases.add(make(
                        op,
                        m,
                        topk,
                        minBytes,
                        c -> topkSet(random, d, m, rows),
                        (s, b) -> kernel.launchWithSharedExpert(s, b[0], b[1], b[2], m, true)));
            }
            return cases;
        } catch (RuntimeException e) {
            cases.forEach(BenchCase::close);
            throw e;
        }
    }

    private static BenchCase make(
            String op,
            int m,
            Work work,
            long minBytes,
            java.util.function.IntFunction<DeviceBuffer[]> factory,
            BufferSetCase.SetLauncher launcher) {
        return new BufferSetCase(
                op, m, work, KernelBenchCases.copies(minBytes, work.bytes()), List.of(), factory, launcher);
    }

    private static DeviceBuffer[] gemmSet(SplittableRandom random, int m, int rows, int h) {
        return new DeviceBuffer[] {
            bf16("x", RandomFill.bf16(random, (long) m * h, 1.0), m, h),
            bf16("w", RandomFill.bf16(random, (long) rows * h, 0.05), rows, h),
            out("logits+gate", DType.F32, m, rows)
        };
    }

    private static DeviceBuffer[] topkSet(SplittableRandom random, ModelDims d, int m, int rows) {
        return new DeviceBuffer[] {
            f32("logits+gate", RandomFill.floats(random, (long) m * rows, 3.0), m, rows),
            out("ids", DType.I32, m, d.topK() + 1),
            out("weights", DType.F32, m, d.topK() + 1)
        };
    }
}

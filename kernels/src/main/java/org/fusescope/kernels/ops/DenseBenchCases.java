package org.fusescope.kernels.ops;

import static org.fusescope.kernels.ops.DeviceArrays.bf16;
import static org.fusescope.kernels.ops.DeviceArrays.out;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The dense GEMMs of the MoE block through cuBLAS, one {@link BenchCase} each: the router (logits
 * in fp32), the shared expert's up and down projections and the shared-expert gate GEMV. Every buffer
 * set has its own weights, so rotating sets keeps even the small router weights out of L2. Needs the
 * context current; not thread-safe.
 */
public final class DenseBenchCases {
    private static final long SEED = 0xDE45E;

    private DenseBenchCases() {}

    /** The dense GEMMs at {@code tokens} tokens; close each case when done. */
    public static List<BenchCase> all(Blas blas, ModelDims d, int tokens, long minBytes) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<BenchCase> cases = new ArrayList<>();
        try {
            cases.add(
                    linear(blas, random, "router_gemm (cuBLAS)", tokens, d.experts(), d.hidden(), DType.F32, minBytes));
            cases.add(linear(
                    blas, random, "shared_up_gemm (cuBLAS)", tokens, 2 * d.inter(), d.hidden(), DType.BF16, minBytes));
            cases.add(linear(
                    blas, random, "shared_down_gemm (cuBLAS)", tokens, d.hidden(), d.inter(), DType.BF16, minBytes));
            cases.add(linear(blas, random, "gate_gemv (cuBLAS)", tokens, 1, d.hidden(), DType.BF16, minBytes));
            return cases;
        } catch (RuntimeException e) {
            cases.forEach(BenchCase::close);
            throw e;
        }
    }

    /** y[M,N] = x[M,K] · w[N,K]ᵀ: reads x and w once, writes y once, 2·M·N·K FLOPs. */
    public static Work work(int m, int n, int k, DType out) {
        return new Work(2L * ((long) m * k + (long) n * k), (long) m * n * out.bytes(), 2L * m * n * k);
    }

    private static BenchCase linear(
            Blas blas, SplittableRandom random, String op, int m, int n, int k, DType outType, long minBytes) {
        Work work = work(m, n, k, outType);
        return new BufferSetCase(
                op,
                m,
                work,
                KernelBenchCases.copies(minBytes, work.bytes()),
                List.of(),
                c -> new DeviceBuffer[] {
                    bf16("x", RandomFill.bf16(random, (long) m * k, 1.0), m, k),
                    bf16("w", RandomFill.bf16(random, (long) n * k, 0.05), n, k),
                    out("y", outType, m, n)
                },
                (stream, b) -> blas.linear(stream, b[0], b[1], b[2]));
    }
}

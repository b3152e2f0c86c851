package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/**
 * {@code grouped_gemm1_silu_kernel} in {@code grouped_gemm1.cu} (switch {@code gemm1_silu}): grouped_gemm1 on
 * CUDA cores and silu_and_mul in one launch, {@code a[s, i] = bf16(silu(bf16(y[s/K'] · gate_e[i])) ·
 * bf16(y[s/K'] · up_e[i]))} for every expert e and slot s in its table: the bits of {@link GroupedGemm1Kernel}
 * on CUDA cores followed by {@link SiluAndMulKernel}, without h1. Each warp item holds a gate row and its up row,
 * so it is meant for batches where every expert has a few slots. Immutable; launch from the thread that has the
 * context current.
 */
public final class GroupedGemm1SiluKernel {
    private final CudaFunction function;
    private final ModelDims dims;
    private final Dim grid;

    public GroupedGemm1SiluKernel(KernelLibrary lib, ModelDims dims) {
        this.function = lib.function("grouped_gemm1", "grouped_gemm1_silu_kernel", dims);
        this.dims = dims;
        this.grid = Dim.of(lib.multiprocessors());
    }

    /**
     * Enqueues the kernel: grid = SMs (one block of 8 warps each, 2 weight rows per warp), block 256.
     *
     * @param y {@code [tokens, H]} bf16
     * @param w13 {@code [n, 2I, H]} bf16 with {@code n} = {@code dims.tableExperts()} or E + 1
     * @param count {@code [E']} int32, from an align
     * @param expertToTokens {@code [E', tokens*K']} int32, from the same align
     * @param a {@code [tokens*K', I]} bf16, written for every listed slot
     */
    public void launch(
            CudaStream stream,
            DeviceBuffer y,
            DeviceBuffer w13,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer a,
            int tokens) {
        int slots = GroupedGemm1Kernel.checkInputs(dims, y, w13, count, expertToTokens, tokens);
        Args.buffer("a", a, DType.BF16, slots, dims.inter());
        KernelLauncher.launch(
                function,
                grid,
                Grids.BLOCK_256,
                0,
                stream,
                y,
                w13,
                count,
                expertToTokens,
                a,
                slots,
                dims.slotsPerToken(),
                dims.tableExperts());
    }

    /** grouped_gemm1's reads and FLOPs, y's SiLU product written instead of h1 (and never read back). */
    public static Work work(ModelDims dims, int tokens, int touchedExperts) {
        Work gemm = GroupedGemm1Kernel.work(dims, tokens, touchedExperts);
        long slots = (long) tokens * dims.slotsPerToken();
        long act = slots * dims.inter();
        return new Work(gemm.bytesRead(), 2L * act, gemm.flops() + 5L * act);
    }
}

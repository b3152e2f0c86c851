package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.cuda.KernelLauncher;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * {@code rotary_partial.cu}: rotary position embedding on the first {@code rotaryDim} dims of every
 * q and k head (HuggingFace rotate_half pairs {@code (i, i + rotaryDim/2)}), in place, at each row's
 * position, with {@code inv_freq = theta^(-2i/rotaryDim)} in fp32. Immutable; launch from the thread
 * that has the context current.
 */
public final class RotaryPartialKernel {
    private static final Dim BLOCK = Dim.of(128);

    private final CudaFunction function;
    private final AttentionDims dims;

    public RotaryPartialKernel(KernelLibrary lib, AttentionDims dims) {
        this.function = lib.function("rotary_partial", "rotary_partial_kernel", dims.definitions());
        this.dims = dims;
    }

    /**
     * Enqueues the rotation: one 128-thread block per row.
     *
     * @param q {@code [rows, Hq·D]} bf16, rotated in place
     * @param k {@code [rows, Hkv·D]} bf16, rotated in place
     * @param positions {@code [rows]} int32, each row's position (tokens already in its KV cache)
     */
    public void launch(CudaStream stream, DeviceBuffer q, DeviceBuffer k, DeviceBuffer positions, int rows) {
        Args.positive("rows", rows);
        Args.buffer("q", q, DType.BF16, rows, (long) dims.queryHeads() * dims.headDim());
        Args.buffer("k", k, DType.BF16, rows, (long) dims.kvHeads() * dims.headDim());
        Args.buffer("positions", positions, DType.I32, rows);
        KernelLauncher.launch(
                function, Dim.of(rows), BLOCK, 0, stream, q, k, positions, rows, (float) dims.ropeTheta());
    }

    /**
     * Reads and writes the rotated dims of every head, reads the positions; 6 FLOPs per rotated pair
     * (4 multiplies, 2 adds) plus the per-row cos/sin, not counted.
     */
    public static Work work(AttentionDims dims, int rows) {
        long rotated = (long) rows * (dims.queryHeads() + dims.kvHeads()) * dims.rotaryDim();
        return new Work(2 * rotated + 4L * rows, 2 * rotated, 3 * rotated);
    }
}

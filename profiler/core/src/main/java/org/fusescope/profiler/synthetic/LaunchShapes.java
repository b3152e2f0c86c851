package org.fusescope.profiler.synthetic;

import java.util.EnumMap;
import java.util.Map;
import org.fusescope.profiler.model.Dim3;

/**
 * Grid, block and shared memory of every op for one run. Grids are fixed per run, as in a captured
 * CUDA graph: the grouped GEMMs launch the padded upper bound of tiles (every expert may need one
 * partial tile) and idle tiles exit early, so their grid does not depend on the routing.
 */
final class LaunchShapes {
    private static final int GEMM_TILE_N = 64;
    private static final int GEMM_TILE_M = 8;
    private static final int GROUPED_TILE_M = 16;
    private static final int ELEMENTS_PER_BLOCK = 256 * 8;

    private final Map<SyntheticKernel, Dim3> grids = new EnumMap<>(SyntheticKernel.class);
    private final Map<SyntheticKernel, Dim3> blocks = new EnumMap<>(SyntheticKernel.class);

    LaunchShapes(ModelShape s) {
        for (SyntheticKernel op : SyntheticKernel.values()) {
            grids.put(op, grid(op, s));
            blocks.put(op, Dim3.of(op.threads()));
        }
    }

    Dim3 grid(SyntheticKernel op) {
        return grids.get(op);
    }

    Dim3 block(SyntheticKernel op) {
        return blocks.get(op);
    }

    /** Static shared memory (bytes): reduction scratch, or the align kernels' per-expert counters. */
    static int staticSharedMemory(SyntheticKernel op, ModelShape s) {
        return switch (op) {
            case RMSNORM, FUSED_ADD_RMSNORM, TOPK_SOFTMAX, TOPK_SOFTMAX_SHARED, MOE_SUM_REDUCE, GATE_GEMV -> 128;
            case MOE_ALIGN, MOE_ALIGN_FUSED -> 4 * (s.gemmExperts() + 1);
            default -> 0;
        };
    }

    /** Dynamic shared memory (bytes): the GEMMs' staged tiles. */
    static int dynamicSharedMemory(SyntheticKernel op) {
        return switch (op) {
            case GROUPED_GEMM1, GROUPED_GEMM2 -> 98_304;
            case ROUTER_GEMM, ROUTER_GATE_GEMM, SHARED_GEMM_UP, SHARED_GEMM_DOWN -> 65_536;
            default -> 0;
        };
    }

    private static Dim3 grid(SyntheticKernel op, ModelShape s) {
        long m = s.m();
        int mTiles = ceil(m, GEMM_TILE_M);
        long paddedSlots = s.slots() + Math.min(s.slots(), s.gemmExperts()) * (GROUPED_TILE_M - 1L);
        int groupedTiles = ceil(paddedSlots, GROUPED_TILE_M);
        return switch (op) {
            case RESIDUAL_ADD, ADD, MUL, ADD_SHARED_EXPERT_GATE -> Dim3.of(ceil(s.mh(), ELEMENTS_PER_BLOCK));
            case RMSNORM, FUSED_ADD_RMSNORM, TOPK_SOFTMAX, TOPK_SOFTMAX_SHARED, MOE_SUM_REDUCE -> Dim3.of(s.m());
            case ROUTER_GEMM, ROUTER_GATE_GEMM -> new Dim3(ceil(s.e(), GEMM_TILE_N), mTiles, 1);
            case SHARED_GEMM_UP -> new Dim3(ceil(2L * s.i(), GEMM_TILE_N), mTiles, 1);
            case SHARED_GEMM_DOWN -> new Dim3(ceil(s.h(), GEMM_TILE_N), mTiles, 1);
            case GATE_GEMV -> Dim3.of(ceil(m, 4));
            case SIGMOID -> Dim3.of(ceil(m, 256));
            case APPEND_SHARED_EXPERT -> Dim3.of(ceil(s.slots(), 256));
            case MOE_ALIGN, MOE_ALIGN_FUSED -> Dim3.of(ceil(s.slots(), 4L * op.threads()));
            case GROUPED_GEMM1 -> new Dim3(ceil(2L * s.i(), GEMM_TILE_N), groupedTiles, 1);
            case GROUPED_GEMM2 -> new Dim3(ceil(s.h(), GEMM_TILE_N), groupedTiles, 1);
            case SILU_AND_MUL -> Dim3.of(ceil(s.slots() * s.i(), ELEMENTS_PER_BLOCK));
            case SHARED_SILU_AND_MUL -> Dim3.of(ceil(m * s.i(), ELEMENTS_PER_BLOCK));
        };
    }

    private static int ceil(long n, long d) {
        return (int) Math.max(1, (n + d - 1) / d);
    }
}

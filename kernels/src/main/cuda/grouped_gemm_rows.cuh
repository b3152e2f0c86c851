// The CUDA-core work item of the grouped GEMMs (grouped_gemm1/2_kernel, and the light experts of
// the tensor-core kernels): out[s, row0 + r] = bf16(scale(s) * x[row(s)] . W[e, row0 + r]) for the
// RPW rows r of the item and every slot s of the expert's list.
//   A warp loads its RPW weight rows into REGISTERS with 16-byte streaming loads (evict-first, so
//   activations stay in L2): lane l holds 16-byte chunks l, l+32, ... of every row, RPW*CH = 8 uint4
//   = 32 registers, 4 KB per warp in flight; 16 warps per SM keep ~64 KB of loads in flight, well
//   above HBM latency x bandwidth per SM (~25 KB). At H = 2048, I = 512: GEMM1 items are 1 row of
//   4 KB, GEMM2 items 4 rows of 1 KB. Then it walks the slot list: per slot it loads the activation
//   row (read-only path: the block's 8 warps read the same rows, so they come from L1 after the first
//   warp), does RPW fp32 dot products, one warp all-reduce each, and lanes 0..RPW-1 store the RPW
//   adjacent outputs. Weights are read from HBM exactly once however many slots the expert has, but
//   every slot costs a dot product per row: past a few slots per expert the instructions, not HBM,
//   are the limit (the tensor-core kernels take those experts, and split the slot lists of experts
//   with more than FS_GG_SLOT_GROUP slots left on CUDA cores over several items: `reread` then keeps
//   the rows in L2 for the items after the first).
#pragma once
#include "common.cuh"

// 16-byte chunks per lane per row, and rows per CUDA-core item: 8 uint4 of weights per lane (more
// would spill under the 128-register cap of 2 blocks per SM).
__host__ __device__ constexpr int fs_gg_chunks(int kdim) { return (kdim / 8 + 31) / 32; }
__host__ __device__ constexpr int fs_gg_rows_per_item(int kdim) {
    return 8 / fs_gg_chunks(kdim) < 1 ? 1 : 8 / fs_gg_chunks(kdim);
}

// A lane's 16-byte chunks c*32 + lane (c < fs_gg_chunks(KDIM)) of a row of KDIM bf16, zero past its end:
// streaming loads (weights read once) or read-only loads (activations many warps read).
template <int KDIM, bool STREAM>
__device__ __forceinline__ void fs_gg_load_lane_chunks(const bf16* __restrict__ row,
                                                       uint4 (&v)[fs_gg_chunks(KDIM)]) {
    const int lane = threadIdx.x & 31;
#pragma unroll
    for (int c = 0; c < fs_gg_chunks(KDIM); ++c) {
        const int chunk = c * 32 + lane;
        v[c] = ((KDIM / 8) % 32 == 0 || chunk < KDIM / 8)
                   ? (STREAM ? fs_load_stream16(row + chunk * 8) : fs_load_ro16(row + chunk * 8))
                   : make_uint4(0u, 0u, 0u, 0u);
    }
}

// weights: the expert's routing weights at its list positions (SCALED only).
// Slots per CUDA-core item in the tensor-core kernels: an expert with more slots on CUDA cores (the
// shared expert as expert E at M = 16) gets one item per group, so its work spreads over many warps
// instead of making the few warps that hold its rows finish last (items are handed out statically).
#define FS_GG_SLOT_GROUP 8

// list/weights: the cnt slots of this item (a group of the expert's list); reread: other items read
// the same rows (keep them in L2 instead of streaming them past it).
// SILU_PAIR > 0 (grouped_gemm1_silu_kernel): the item's RPW = 2 rows are gate row row0 and up row
// row0 + SILU_PAIR of [gate_proj; up_proj], and it stores, per slot, out[s, row0] = bf16(silu(g) * u)
// with g and u the two dot products rounded to bf16 first (exactly silu_and_mul of the bf16 h1 the
// plain item would have written), out having SILU_PAIR columns.
template <int KDIM, int NROWS, int RPW, bool GATHER, bool SCALED, int SILU_PAIR = 0>
__device__ __forceinline__ void fs_gg_cuda_item(const bf16* __restrict__ x, const bf16* __restrict__ w,
                                                const int* __restrict__ list, const float* __restrict__ weights,
                                                bf16* __restrict__ out, int e, int cnt, int row0, int topk,
                                                bool reread) {
    constexpr int CH = fs_gg_chunks(KDIM);
    const int lane = threadIdx.x & 31;
    int s_next = __ldg(list);  // issued before the weight loads: overlaps their latency
    const bf16* wrow = w + ((long long)e * NROWS + row0) * KDIM;
    uint4 wv[RPW][CH];
#pragma unroll
    for (int r = 0; r < RPW; ++r) {
#pragma unroll
        for (int c = 0; c < CH; ++c) {
            const int chunk = c * 32 + lane;
            const bf16* p = wrow + (long long)r * (SILU_PAIR > 0 ? SILU_PAIR : 1) * KDIM + chunk * 8;
            wv[r][c] = ((KDIM / 8) % 32 == 0 || chunk < KDIM / 8)
                           ? (reread ? fs_load_ro16(p) : fs_load_stream16(p))
                           : make_uint4(0u, 0u, 0u, 0u);
        }
    }
    for (int i = 0; i < cnt; ++i) {
        const int s = s_next;
        if (i + 1 < cnt) s_next = __ldg(list + i + 1);
        uint4 xv[CH];
        fs_gg_load_lane_chunks<KDIM, false>(x + (long long)(GATHER ? s / topk : s) * KDIM, xv);
        float acc[RPW];
#pragma unroll
        for (int r = 0; r < RPW; ++r) {
            float d = 0.f;
#pragma unroll
            for (int c = 0; c < CH; ++c) d += fs_dot8(wv[r][c], xv[c]);
            acc[r] = fs_warp_sum(d);
        }
        if constexpr (SILU_PAIR > 0) {
            static_assert(RPW == 2 && !SCALED, "a SiLU pair item has a gate row and an up row, unscaled");
            if (lane == 0) {
                const float g = __bfloat162float(__float2bfloat16_rn(acc[0]));
                const float u = __bfloat162float(__float2bfloat16_rn(acc[1]));
                fs_st_bf16(out + (long long)s * SILU_PAIR + row0, fs_silu(g) * u);
            }
        } else {
            const float scale = SCALED ? __ldg(weights + i) : 1.f;
            bf16* dst = out + (long long)s * NROWS + row0;
#pragma unroll
            for (int r = 0; r < RPW; ++r) {
                if (lane == r) fs_st_bf16(dst + r, acc[r] * scale);
            }
        }
    }
}


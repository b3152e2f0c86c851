// The grouped GEMM with a path per expert, shared by the tensor-core kernels grouped_gemm{1,2}_tc_kernel
// (8-row items, fs_gg_tc_item) and grouped_gemm{1,2}_tcp_kernel (pipelined 16-row items,
// fs_gg_tcp_item): heavy experts on the tensor cores, light ones on CUDA-core items.
#pragma once
#include "grouped_gemm_tcp.cuh"

// The block's shared tables of fs_grouped_gemm_hybrid (the tables may hold EXPERTS + 1 experts).
struct FsGgTables {
    int active[EXPERTS + 1];
    int active_cnt[EXPERTS + 1];
    int order[EXPERTS + 1];
    int item_end[EXPERTS + 1];
    int warp_tot[32];
};

// Tensor-core passes over an expert's rows: 16 * tiles slots per pass.
__device__ __forceinline__ int fs_tc_passes(int cnt, int tiles) { return (cnt + 16 * tiles - 1) / (16 * tiles); }

// CUDA-core items per row group of an expert: one per FS_GG_SLOT_GROUP slots.
__device__ __forceinline__ int fs_gg_slot_groups(int cnt) { return (cnt + FS_GG_SLOT_GROUP - 1) / FS_GG_SLOT_GROUP; }

// The grouped GEMM with a path per expert: experts with at least tc_min_slots slots take 8-row
// tensor-core items, the others RPW-row CUDA-core items (a handful of slots: streaming 512 bytes per
// load instruction keeps HBM busier than the MMA fragments' 64-byte row pieces), one per
// FS_GG_SLOT_GROUP slots (warps take equal numbers of items, so no item may be much longer than the
// others: an unsplit 16-slot item made its warp finish ~3 us after the rest). Items are numbered
// expert by expert, the longest first (tensor-core experts, then CUDA-core experts with >= 16, >= 4
// and fewer slots: started first, long items overlap with the many short ones instead of trailing), through a prefix each warp walks forward, and
// handed to warps block-contiguously as in the CUDA-core kernels. tables: the block's __shared__
// FsGgTables. Every thread of the block must call it.
// PIPE_U > 0: the pipelined items (TCP_GROUPS * 8 rows, TCP_TILES tiles per pass, PIPE_U chunks per
// round) instead of the 8-row ones.
template <int KDIM, int NROWS, bool GATHER, bool SCALED, int PIPE_U>
__device__ __forceinline__ void fs_grouped_gemm_hybrid(const bf16* __restrict__ x, const bf16* __restrict__ w,
                                                       const int* __restrict__ count,
                                                       const int* __restrict__ expert_to_tokens,
                                                       const float* __restrict__ expert_to_weights,
                                                       bf16* __restrict__ out, int num_slots, int topk,
                                                       int num_experts, int tc_min_slots, FsGgTables& tables) {
    static_assert(KDIM % 32 == 0, "the reduction length must be a multiple of 32");
    int* const active = tables.active;
    int* const active_cnt = tables.active_cnt;
    int* const order = tables.order;
    int* const item_end = tables.item_end;
    constexpr int PIPE = PIPE_U > 0;
    constexpr int ROWS = PIPE ? TC_ROWS * TCP_GROUPS : TC_ROWS;  // output rows per tensor-core item
    constexpr int TILES = PIPE ? TCP_TILES : TC_TILES;
    static_assert(NROWS % ROWS == 0, "output rows must be a multiple of the tensor-core rows per item");
    constexpr int RPW = fs_gg_rows_per_item(KDIM);
    static_assert(NROWS % RPW == 0, "output rows must be a multiple of the CUDA-core rows per item");
    const int n_active = fs_compact_active_experts(count, num_experts, active, active_cnt, tables.warp_tot);
    const int lane = threadIdx.x & 31;
    const int warp = threadIdx.x >> 5;
    if (warp == 0) {  // the longest items first: tensor-core experts, then CUDA-core ones by slots
        int carry = 0;
        int placed = 0;
        for (int cls = 0; cls < 4; ++cls) {
            for (int b = 0; b < n_active; b += 32) {
                const int idx = b + lane;
                const int c = idx < n_active ? active_cnt[idx] : 0;
                const bool heavy = c >= tc_min_slots;
                const bool in = idx < n_active && cls == (heavy ? 0 : (c >= 16 ? 1 : (c >= 4 ? 2 : 3)));
                int v = in ? (heavy ? NROWS / ROWS * fs_tc_passes(c, TILES) : NROWS / RPW * fs_gg_slot_groups(c)) : 0;
#pragma unroll
                for (int o = 1; o < 32; o <<= 1) {
                    const int up = __shfl_up_sync(FS_FULL_MASK, v, o);
                    if (lane >= o) v += up;
                }
                const fs_u32 ballot = __ballot_sync(FS_FULL_MASK, in);
                if (in) {
                    const int at = placed + __popc(ballot & ((1u << lane) - 1u));
                    order[at] = idx;
                    item_end[at] = carry + v;
                }
                placed += __popc(ballot);
                carry += __shfl_sync(FS_FULL_MASK, v, 31);
            }
        }
    }
    __syncthreads();
    const long long items = n_active > 0 ? item_end[n_active - 1] : 0;
    const long long all_warps = (long long)gridDim.x * TC_WARPS;
    int lo = 0;  // a warp's items only grow, so the expert they fall in is found by walking forward
    for (long long item = (long long)blockIdx.x * TC_WARPS + warp; item < items; item += all_warps) {
        while (item_end[lo] <= item) ++lo;
        const int e = active[order[lo]];
        const int cnt = active_cnt[order[lo]];
        const int local = (int)(item - (lo > 0 ? item_end[lo - 1] : 0));
        const int* list = expert_to_tokens + (long long)e * num_slots;
        const float* weights = SCALED ? expert_to_weights + (long long)e * num_slots : nullptr;
        if (cnt >= tc_min_slots) {
            const int passes = fs_tc_passes(cnt, TILES);
            const int row0 = local / passes * ROWS;
            const int first = local % passes * 16 * TILES;
            if constexpr (PIPE) {
                fs_gg_tcp_item<KDIM, NROWS, GATHER, SCALED, PIPE_U>(x, w, list, weights, out, e, cnt, row0, topk, first);
            } else {
                fs_gg_tc_item<KDIM, NROWS, GATHER, SCALED, TC_TILES>(x, w, list, weights, out, e, cnt, row0, topk,
                                                                     first);
            }
        } else {
            const int groups = fs_gg_slot_groups(cnt);
            const int first = local % groups * FS_GG_SLOT_GROUP;
            fs_gg_cuda_item<KDIM, NROWS, RPW, GATHER, SCALED>(x, w, list + first, SCALED ? weights + first : nullptr,
                                                              out, e, min(FS_GG_SLOT_GROUP, cnt - first),
                                                              local / groups * RPW, topk, groups > 1);
        }
    }
}

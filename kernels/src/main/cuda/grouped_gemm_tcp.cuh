// The pipelined tensor-core item of the grouped GEMMs (grouped_gemm1_tcp_kernel and
// grouped_gemm2_tcp_kernel): the same sum, MMA and K permutation as fs_gg_tc_item
// (grouped_gemm_tc.cuh), streamed differently.
//
// Why: a tc item loads 8 chunks of weights, waits for them, then loads the slots' activations and
// runs the MMAs before it loads the next 8 chunks, so each warp's weight stream stops for the whole
// compute phase of every round (83 % / 72 % of copy bandwidth for grouped_gemm1 / 2 at M = 256 on an
// H100). Here the weights are double-buffered in registers: the loads of round r + 1 are in flight
// while round r's activations load and its MMAs run, so a warp always has a round of weights on its
// way. An item covers TCP_GROUPS groups of 8 output rows that share each activation fragment (half
// the activation loads per weight byte of an 8-row item), and one 16-slot A tile per pass (the
// registers of the second buffer come from the second tile; experts with more than 16 slots take
// more passes, their rows then coming from L2).
//
// U (32-k chunks per round and buffer) is the kernel's choice: registers per thread for weights are
// 2 buffers x TCP_GROUPS x U x 4, under the 128 of two 256-thread blocks per SM with everything else
// (nvcc 13.0, sm_90: grouped_gemm2 at U = 4 uses 128 and spills nothing; grouped_gemm1, whose slot
// lookups divide by top-k, spilled 28 bytes at U = 4 and uses 120 at U = 2).
#pragma once
#include "grouped_gemm_tc.cuh"

#define TCP_GROUPS 2  // groups of 8 output rows per item
#define TCP_TILES 1   // 16-slot A tiles per pass

// Loads round c0.. of the item's weights: U chunks of 16 bytes per row group (row group r
// lies r * 8 rows after wrow: constant offsets, no pointer per group).
template <int KDIM, int U>
__device__ __forceinline__ void fs_tcp_load(uint4 (&wv)[TCP_GROUPS][U], const bf16* wrow, int c0,
                                            bool reread) {
#pragma unroll
    for (int r = 0; r < TCP_GROUPS; ++r) {
#pragma unroll
        for (int u = 0; u < U; ++u) {
            const bf16* p = wrow + r * TC_ROWS * KDIM + (c0 + u) * 32;
            wv[r][u] = reread ? fs_load_ro16(p) : fs_load_stream16(p);
        }
    }
}

// The MMAs of round c0..: per chunk one activation fragment (slots g and g + 8 of the tile), shared
// by the row groups.
template <int U>
__device__ __forceinline__ void fs_tcp_mma(float (&acc)[TCP_GROUPS][4], const uint4 (&wv)[TCP_GROUPS][U],
                                           const bf16* lo_row, const bf16* hi_row, int c0) {
#pragma unroll
    for (int u = 0; u < U; ++u) {
        const uint4 zero = make_uint4(0u, 0u, 0u, 0u);
        const uint4 lo = lo_row ? fs_load_ro16(lo_row + (c0 + u) * 32) : zero;
        const uint4 hi = hi_row ? fs_load_ro16(hi_row + (c0 + u) * 32) : zero;
#pragma unroll
        for (int r = 0; r < TCP_GROUPS; ++r) {
            fs_mma_bf16(acc[r], lo.x, hi.x, lo.y, hi.y, wv[r][u].x, wv[r][u].y);
            fs_mma_bf16(acc[r], lo.z, hi.z, lo.w, hi.w, wv[r][u].z, wv[r][u].w);
        }
    }
}

// One pipelined item: rows row0 .. row0 + 8*TCP_GROUPS - 1 of expert e for slots first .. first + 15
// of its cnt.
template <int KDIM, int NROWS, bool GATHER, bool SCALED, int U>
__device__ __forceinline__ void fs_gg_tcp_item(const bf16* __restrict__ x, const bf16* __restrict__ w,
                                               const int* __restrict__ list, const float* __restrict__ weights,
                                               bf16* __restrict__ out, int e, int cnt, int row0, int topk,
                                               int first) {
    constexpr int CHUNKS = KDIM / 32;
    static_assert(CHUNKS % (2 * U) == 0, "the reduction must split into whole pairs of rounds");
    const int lane = threadIdx.x & 31;
    const int g = lane >> 2;
    const int q = lane & 3;
    const bool reread = cnt > 16 * TCP_TILES;  // several items read these rows: keep them in L2
    const bf16* wrow = w + ((long long)e * NROWS + row0 + g) * KDIM + q * 8;
    uint4 wa[TCP_GROUPS][U];
    uint4 wb[TCP_GROUPS][U];
    fs_tcp_load<KDIM, U>(wa, wrow, 0, reread);  // the first round before the slot lookups: overlaps them
    // this thread's A rows: slots first + g and first + g + 8 (null past the list: zeros)
    int slot[2];
    const bf16* xr[2];
#pragma unroll
    for (int h = 0; h < 2; ++h) {
        const int i = first + h * 8 + g;
        slot[h] = i < cnt ? __ldg(list + i) : -1;
        xr[h] = slot[h] < 0 ? nullptr : x + (long long)(GATHER ? slot[h] / topk : slot[h]) * KDIM + q * 8;
    }
    float acc[TCP_GROUPS][4];
#pragma unroll
    for (int r = 0; r < TCP_GROUPS; ++r) {
        acc[r][0] = acc[r][1] = acc[r][2] = acc[r][3] = 0.f;
    }
    for (int c0 = 0; c0 < CHUNKS; c0 += 2 * U) {
        fs_tcp_load<KDIM, U>(wb, wrow, c0 + U, reread);
        fs_tcp_mma<U>(acc, wa, xr[0], xr[1], c0);
        if (c0 + 2 * U < CHUNKS) fs_tcp_load<KDIM, U>(wa, wrow, c0 + 2 * U, reread);
        fs_tcp_mma<U>(acc, wb, xr[0], xr[1], c0 + U);
    }
#pragma unroll
    for (int h = 0; h < 2; ++h) {
        const int s = slot[h];
        if (s >= 0) {
            const float scale = SCALED ? __ldg(weights + first + h * 8 + g) : 1.f;
#pragma unroll
            for (int r = 0; r < TCP_GROUPS; ++r) {
                const float v0 = acc[r][2 * h] * scale;
                const float v1 = acc[r][2 * h + 1] * scale;
                *reinterpret_cast<bf162*>(out + (long long)s * NROWS + row0 + r * TC_ROWS + 2 * q) =
                        __floats2bfloat162_rn(v0, v1);
            }
        }
    }
}

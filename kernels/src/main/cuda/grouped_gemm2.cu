// grouped_gemm2: for every expert e and every slot s routed to it:
// h2[s, 0:H] = (a[s] . W2[e]^T) * weight(s) (MoE step 8; W2[e] = down_proj).
//
//   a:                 [num_slots, INTER]             bf16 (input), from silu_and_mul
//   w2:                [num_experts, HIDDEN, INTER]   bf16 (input), row-major, rows = output features
//   count:             [num_experts]                  int32 (input), from moe_align
//   expert_to_tokens:  [num_experts, num_slots]       int32 (input), slots per expert
//   expert_to_weights: [num_experts, num_slots]       fp32  (input), routing weight at the same spot
//   h2:                [num_slots, HIDDEN]            bf16 (output), one row per slot
//   math: h2[s, n] = bf16(weight(s) * sum_i float(a[s, i]) * float(W2[e, n, i])), fp32 accumulate.
//
// Arguments: a, w2, count, expert_to_tokens, expert_to_weights, h2, num_slots, num_experts.
//   num_experts = E or E + 1 (<= EXPERTS + 1).
// Constants: -DHIDDEN=<H> -DINTER=<I> -DEXPERTS=<E> (required; INTER % 8 == 0).
// Launch: grid = 2 * number of SMs (persistent; any grid >= 1 is correct, 264 on an H100),
// block = 256 threads (8 warps), no dynamic shared memory (static: 8*(EXPERTS+1) + 128 bytes).
//
// Design (decode: a handful of slots per expert, the job is streaming expert weights from HBM
// once, at full bandwidth, in ONE launch for all experts):
//   1. Each block compacts the experts with count > 0 (ids and counts) into shared lists (a
//      ballot/popc scan over count[], 2 KB from L2). Empty experts therefore cost nothing: no
//      block is ever scheduled for them (a grid over all E experts would retire tens of thousands
//      of empty blocks at M = 1).
//   2. The work is split into warp items (active expert, group of GG_RPW consecutive output rows).
//      Block b's 8 warps take items 8b..8b+7, then 8(b + grid)..., so a block works on adjacent
//      rows of one expert at a time (contiguous weight bytes, shared activation rows) and every
//      SM gets the same number of such block rounds +-1.
//   3. A warp loads its GG_RPW weight rows into REGISTERS with 16-byte streaming loads (evict-first,
//      so activations stay in L2): lane l holds 16-byte chunks l, l+32, ... of every row,
//      GG_RPW*GG_CHUNKS = 8 uint4 = 32 registers, 4 KB per warp in flight; 16 warps per SM keep
//      ~64 KB of loads in flight, well above HBM latency x bandwidth per SM (~25 KB).
//      At H = 2048, I = 512: GEMM1 items are 1 row of 4 KB (GG_RPW = 1), GEMM2 items 4 rows of 1 KB.
//   4. Then it walks the expert's slot list: for each slot it loads the slot's activation row
//      (same lane chunks, read-only path: the block's 8 warps read the same rows, so they come from
//      L1 after the first warp; this replaces an explicit shared-memory staging, which would need
//      block-wide barriers per token chunk), does GG_RPW fp32 dot products, one warp all-reduce
//      each, and lanes 0..GG_RPW-1 store the GG_RPW adjacent outputs (one coalesced store).
//      Weights are read from HBM exactly once however many slots the expert has.
//   Compute is CUDA-core FMA: right for decode (<~16 slots per expert, memory-bound); a prefill-
//   sized batch (hundreds of slots per expert) would want a tensor-core kernel instead.
#include "common.cuh"

#ifndef HIDDEN
#error "grouped_gemm2.cu needs -DHIDDEN=<hidden size>"
#endif
#ifndef INTER
#error "grouped_gemm2.cu needs -DINTER=<expert intermediate size>"
#endif
#ifndef EXPERTS
#error "grouped_gemm2.cu needs -DEXPERTS=<routed experts; the table may hold EXPERTS + 1>"
#endif

#define GG_THREADS 256
#define GG_WARPS (GG_THREADS / 32)
#define GG_KDIM INTER
#define GG_NROWS HIDDEN
// 16-byte chunks per lane per row, and rows per warp item (so that a lane holds 8 chunks = 32
// registers of weights: more spills under the 128-register cap of 2 blocks per SM)
#define GG_CHUNKS ((GG_KDIM / 8 + 31) / 32)
#define GG_RPW_RAW (8 / GG_CHUNKS)
#define GG_RPW (GG_RPW_RAW < 1 ? 1 : (GG_RPW_RAW > 8 ? 8 : GG_RPW_RAW))
#define GG_GROUPS (GG_NROWS / GG_RPW)
static_assert(GG_KDIM % 8 == 0, "the reduction length must be a multiple of 8 (16-byte rows)");
static_assert(GG_NROWS % GG_RPW == 0, "output rows must be a multiple of the rows per warp item");

extern "C" __global__ void __launch_bounds__(GG_THREADS, 2) grouped_gemm2_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts) {
    __shared__ int active[EXPERTS + 1];
    __shared__ int active_cnt[EXPERTS + 1];
    __shared__ int warp_tot[32];
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    const int n_active = fs_compact_active_experts(count, num_experts, active, active_cnt, warp_tot);
    const int lane = threadIdx.x & 31;
    const int warp = threadIdx.x >> 5;
    const long long items = (long long)n_active * GG_GROUPS;
    const long long all_warps = (long long)gridDim.x * GG_WARPS;
    // block-contiguous: the 8 warps of a block take 8 adjacent row groups of (almost always) the same
    // expert, so a slot's activation row is fetched into L1 once and hit by the other 7 warps
    for (long long item = (long long)blockIdx.x * GG_WARPS + warp; item < items; item += all_warps) {
        const int idx = (int)(item / GG_GROUPS);
        const int e = active[idx];
        const int cnt = active_cnt[idx];  // >= 1
        const int* list = expert_to_tokens + (long long)e * num_slots;
        int s_next = __ldg(list);  // issued before the weight loads: overlaps their latency
        const int row0 = (int)(item % GG_GROUPS) * GG_RPW;
        const bf16* wrow = w2 + ((long long)e * GG_NROWS + row0) * GG_KDIM;
        uint4 w[GG_RPW][GG_CHUNKS];
#pragma unroll
        for (int r = 0; r < GG_RPW; ++r) {
#pragma unroll
            for (int c = 0; c < GG_CHUNKS; ++c) {
                const int chunk = c * 32 + lane;
                if ((GG_KDIM / 8) % 32 == 0 || chunk < GG_KDIM / 8) {
                    w[r][c] = fs_load_stream16(wrow + (long long)r * GG_KDIM + chunk * 8);
                } else {
                    w[r][c] = make_uint4(0u, 0u, 0u, 0u);
                }
            }
        }
        for (int i = 0; i < cnt; ++i) {
            const int s = s_next;
            if (i + 1 < cnt) s_next = __ldg(list + i + 1);
            const bf16* xrow = a + (long long)s * GG_KDIM;
            uint4 x[GG_CHUNKS];
#pragma unroll
            for (int c = 0; c < GG_CHUNKS; ++c) {
                const int chunk = c * 32 + lane;
                if ((GG_KDIM / 8) % 32 == 0 || chunk < GG_KDIM / 8) {
                    x[c] = fs_load_ro16(xrow + chunk * 8);
                } else {
                    x[c] = make_uint4(0u, 0u, 0u, 0u);
                }
            }
            float acc[GG_RPW];
#pragma unroll
            for (int r = 0; r < GG_RPW; ++r) {
                float d = 0.f;
#pragma unroll
                for (int c = 0; c < GG_CHUNKS; ++c) d += fs_dot8(w[r][c], x[c]);
                acc[r] = fs_warp_sum(d);
            }
            const float scale = __ldg(expert_to_weights + (long long)e * num_slots + i);
#pragma unroll
            for (int r = 0; r < GG_RPW; ++r) acc[r] *= scale;
            bf16* dst = h2 + (long long)s * GG_NROWS + row0;
#pragma unroll
            for (int r = 0; r < GG_RPW; ++r) {
                if (lane == r) fs_st_bf16(dst + r, acc[r]);
            }
        }
    }
}

// ---- tensor-core variant (grouped_gemm_tc.cuh): same arguments, results within bf16 rounding ----
// (only where the reduction length is a multiple of 32; the host side checks the same)
#if INTER % 32 == 0 && HIDDEN % 8 == 0
#include "grouped_gemm_tc.cuh"

extern "C" __global__ void __launch_bounds__(TC_THREADS, 2) grouped_gemm2_tc_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts) {
    __shared__ int active[EXPERTS + 1];
    __shared__ int active_cnt[EXPERTS + 1];
    __shared__ int warp_tot[32];
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    fs_grouped_gemm_tc<INTER, HIDDEN, false, true>(a, w2, count, expert_to_tokens, expert_to_weights, h2,
                                                   num_slots, 1, num_experts, active, active_cnt, warp_tot);
}
#endif

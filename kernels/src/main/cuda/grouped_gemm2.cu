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
//   3. Each item is fs_gg_cuda_item (grouped_gemm_rows.cuh): the rows in registers, then one warp-
//      reduced dot product per row and slot. Weights are read from HBM exactly once.
//   Compute is CUDA-core FMA: right for a handful of slots per expert; grouped_gemm2_tc_kernel below
//   takes experts with many slots to the tensor cores.
#include "grouped_gemm_rows.cuh"

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
#define GG_RPW fs_gg_rows_per_item(GG_KDIM)
#define GG_GROUPS (GG_NROWS / GG_RPW)
static_assert(GG_KDIM % 8 == 0, "the reduction length must be a multiple of 8 (16-byte rows)");
static_assert(GG_NROWS % GG_RPW == 0, "output rows must be a multiple of the rows per warp item");

// Counts the item of row group `group` as done; the last of its n_active items (one per active expert) sums
// the group's rows over the K' slots of every token, as moe_sum_reduce does: out[t, n] = bf16(sum_k
// float(h2[t*K' + k, n])), fp32 in k order, and sets the counter back to 0 for the next launch. The caller has
// fenced its h2 stores (once per warp, after all its items: a fence per item stalls the warp's weight stream);
// the last one reads h2 from L2.
__device__ __forceinline__ void fs_gg2_sum_if_last(const bf16* __restrict__ h2, bf16* __restrict__ out,
                                                   int* __restrict__ done, int group, int n_active, int num_slots,
                                                   int topk) {
    const int lane = threadIdx.x & 31;
    int before = 0;
    if (lane == 0) before = atomicAdd(done + group, 1);
    before = __shfl_sync(FS_FULL_MASK, before, 0);
    if (before != n_active - 1) return;
    __threadfence();
    const int tokens = num_slots / topk;
    const int row0 = group * GG_RPW;
    for (int i = lane; i < tokens * GG_RPW; i += 32) {
        const int t = i / GG_RPW;
        const int n = row0 + i % GG_RPW;
        float acc = 0.f;
        for (int k = 0; k < topk; ++k) acc += __bfloat162float(__ldcg(h2 + ((long long)t * topk + k) * HIDDEN + n));
        fs_st_bf16(out + (long long)t * HIDDEN + n, acc);
    }
    if (lane == 0) done[group] = 0;
}

// The CUDA-core items of all active experts (GG_RPW output rows each); with SUM, each item then takes its
// part in the token sums (fs_gg2_sum_if_last).
template <bool SUM>
__device__ __forceinline__ void fs_gg2_cuda_items(const bf16* __restrict__ a, const bf16* __restrict__ w2,
                                                  const int* __restrict__ count,
                                                  const int* __restrict__ expert_to_tokens,
                                                  const float* __restrict__ expert_to_weights,
                                                  bf16* __restrict__ h2, bf16* __restrict__ out,
                                                  int* __restrict__ done, int num_slots, int num_experts,
                                                  int topk) {
    __shared__ int active[EXPERTS + 1];
    __shared__ int active_cnt[EXPERTS + 1];
    __shared__ int warp_tot[32];
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    const int n_active = fs_compact_active_experts(count, num_experts, active, active_cnt, warp_tot);
    const int warp = threadIdx.x >> 5;
    const long long items = (long long)n_active * GG_GROUPS;
    const long long all_warps = (long long)gridDim.x * GG_WARPS;
    // block-contiguous: the 8 warps of a block take 8 adjacent row groups of (almost always) the same
    // expert, so a slot's activation row is fetched into L1 once and hit by the other 7 warps
    for (long long item = (long long)blockIdx.x * GG_WARPS + warp; item < items; item += all_warps) {
        const int idx = (int)(item / GG_GROUPS);
        const int e = active[idx];
        const int cnt = active_cnt[idx];  // >= 1
        const int group = (int)(item % GG_GROUPS);
        const int* list = expert_to_tokens + (long long)e * num_slots;
        fs_gg_cuda_item<GG_KDIM, GG_NROWS, GG_RPW, false, true>(a, w2, list, expert_to_weights + (long long)e * num_slots, h2, e, cnt, group * GG_RPW, 1, false);
    }
    if constexpr (SUM) {  // the warp's items again: each counted once all its h2 stores are visible
        __threadfence();
        __syncwarp();
        for (long long item = (long long)blockIdx.x * GG_WARPS + warp; item < items; item += all_warps) {
            fs_gg2_sum_if_last(h2, out, done, (int)(item % GG_GROUPS), n_active, num_slots, topk);
        }
    }
}

extern "C" __global__ void __launch_bounds__(GG_THREADS, 2) grouped_gemm2_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts) {
    fs_gg2_cuda_items<false>(a, w2, count, expert_to_tokens, expert_to_weights, h2, nullptr, nullptr, num_slots,
                             num_experts, 1);
}

// grouped_gemm2_sum_kernel (switch gemm2_sum, small batches): grouped_gemm2_kernel and moe_sum_reduce in one
// launch, the same bits. h2 stays the per-slot scratch; the last item of each row group (an atomic counter
// per group) writes out's rows of that group for every token.
//   out:  [num_slots / topk, HIDDEN] bf16 (output), the block's output
//   done: [HIDDEN / GG_RPW] int32, zero before the first launch; every launch leaves it zero
//   topk: K' (slots per token). Other arguments as grouped_gemm2_kernel.
// Launch: grid = 2 * number of SMs (persistent), block = 256.
extern "C" __global__ void __launch_bounds__(GG_THREADS, 2) grouped_gemm2_sum_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, bf16* __restrict__ out, int* __restrict__ done, int num_slots, int num_experts,
        int topk) {
    fs_gg2_cuda_items<true>(a, w2, count, expert_to_tokens, expert_to_weights, h2, out, done, num_slots,
                            num_experts, topk);
}

// ---- tensor-core variant (grouped_gemm_tc.cuh): same arguments, results within bf16 rounding ----
// (only where the reduction length is a multiple of 32; the host side checks the same)
#if INTER % 32 == 0 && HIDDEN % 8 == 0
#include "grouped_gemm_hybrid.cuh"

extern "C" __global__ void __launch_bounds__(TC_THREADS, 2) grouped_gemm2_tc_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts, int tc_min_slots) {
    __shared__ FsGgTables tables;
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    fs_grouped_gemm_hybrid<INTER, HIDDEN, false, true, 0>(a, w2, count, expert_to_tokens, expert_to_weights, h2,
                                                   num_slots, 1, num_experts, tc_min_slots, tables);
}
// The same with the pipelined 16-row tensor-core items (grouped_gemm_tcp.cuh, 4 chunks per round): same
// arguments and results.
#if INTER % 256 == 0 && HIDDEN % 16 == 0
extern "C" __global__ void __launch_bounds__(TC_THREADS, 2) grouped_gemm2_tcp_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts, int tc_min_slots) {
    __shared__ FsGgTables tables;
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    fs_grouped_gemm_hybrid<INTER, HIDDEN, false, true, 4>(
        a, w2, count, expert_to_tokens, expert_to_weights, h2, num_slots, 1, num_experts, tc_min_slots, tables);
}
#endif
#endif

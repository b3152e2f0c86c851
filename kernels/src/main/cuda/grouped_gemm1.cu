// grouped_gemm1: for every expert e and every slot s routed to it: h1[s, 0:2I] = y[s / K'] . W13[e]^T
// (MoE step 6; W13[e] = [gate_proj; up_proj]).
//
//   y:                [tokens, HIDDEN]               bf16 (input), the normed activations
//   w13:              [num_experts, 2*INTER, HIDDEN] bf16 (input), row-major, rows = output features
//   count:            [num_experts]                  int32 (input), from moe_align
//   expert_to_tokens: [num_experts, num_slots]       int32 (input), slots per expert, from moe_align
//   h1:               [num_slots, 2*INTER]           bf16 (output), one row per slot
//   math: h1[s, n] = bf16(sum_h float(y[s/topk, h]) * float(W13[e, n, h])), fp32 accumulate.
//
// Arguments: y, w13, count, expert_to_tokens, h1, num_slots, topk, num_experts.
//   topk = K' (K, or K + 1 with the shared expert appended); num_experts = E or E + 1 (<= EXPERTS+1).
// Constants: -DHIDDEN=<H> -DINTER=<I> -DEXPERTS=<E> (required; HIDDEN % 8 == 0).
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
//   Compute is CUDA-core FMA: right for a handful of slots per expert; grouped_gemm1_tc_kernel below
//   takes experts with many slots to the tensor cores.
#include "grouped_gemm_rows.cuh"

#ifndef HIDDEN
#error "grouped_gemm1.cu needs -DHIDDEN=<hidden size>"
#endif
#ifndef INTER
#error "grouped_gemm1.cu needs -DINTER=<expert intermediate size>"
#endif
#ifndef EXPERTS
#error "grouped_gemm1.cu needs -DEXPERTS=<routed experts; the table may hold EXPERTS + 1>"
#endif

#define GG_THREADS 256
#define GG_WARPS (GG_THREADS / 32)
#define GG_KDIM HIDDEN
#define GG_NROWS (2 * INTER)
#define GG_RPW fs_gg_rows_per_item(GG_KDIM)
#define GG_GROUPS (GG_NROWS / GG_RPW)
static_assert(GG_KDIM % 8 == 0, "the reduction length must be a multiple of 8 (16-byte rows)");
static_assert(GG_NROWS % GG_RPW == 0, "output rows must be a multiple of the rows per warp item");

// The CUDA-core items of all active experts: GG_RPW output rows each, or (SILU_PAIR = INTER) one gate
// row and its up row, whose SiLU product goes to out [num_slots, INTER].
template <int RPW, int SILU_PAIR>
__device__ __forceinline__ void fs_gg1_cuda_items(const bf16* __restrict__ y, const bf16* __restrict__ w13,
                                                  const int* __restrict__ count,
                                                  const int* __restrict__ expert_to_tokens, bf16* __restrict__ out,
                                                  int num_slots, int topk, int num_experts) {
    __shared__ int active[EXPERTS + 1];
    __shared__ int active_cnt[EXPERTS + 1];
    __shared__ int warp_tot[32];
    fs_pdl_wait();  // see common.cuh: the tables come from the kernel just before
    fs_pdl_launch_dependents();
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    const int n_active = fs_compact_active_experts(count, num_experts, active, active_cnt, warp_tot);
    const int warp = threadIdx.x >> 5;
    constexpr int GROUPS = SILU_PAIR > 0 ? SILU_PAIR : GG_NROWS / RPW;  // items per expert
    const long long items = (long long)n_active * GROUPS;
    const long long all_warps = (long long)gridDim.x * GG_WARPS;
    // block-contiguous: the 8 warps of a block take 8 adjacent row groups of (almost always) the same
    // expert, so a slot's activation row is fetched into L1 once and hit by the other 7 warps
    for (long long item = (long long)blockIdx.x * GG_WARPS + warp; item < items; item += all_warps) {
        const int idx = (int)(item / GROUPS);
        const int e = active[idx];
        const int cnt = active_cnt[idx];  // >= 1
        const int row0 = (int)(item % GROUPS) * (SILU_PAIR > 0 ? 1 : RPW);
        const int* list = expert_to_tokens + (long long)e * num_slots;
        fs_gg_cuda_item<GG_KDIM, GG_NROWS, RPW, true, false, SILU_PAIR>(y, w13, list, nullptr, out, e, cnt, row0, topk,
                                                                         false);
    }
}

extern "C" __global__ void __launch_bounds__(GG_THREADS, 2) grouped_gemm1_kernel(
        const bf16* __restrict__ y, const bf16* __restrict__ w13, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, bf16* __restrict__ h1, int num_slots, int topk,
        int num_experts) {
    fs_gg1_cuda_items<GG_RPW, 0>(y, w13, count, expert_to_tokens, h1, num_slots, topk, num_experts);
}

// grouped_gemm1_silu_kernel (switch gemm1_silu, small batches): grouped_gemm1_kernel and silu_and_mul in
// one launch. Each warp item holds an expert's gate row i and up row INTER + i in registers (2 x 4 KB at
// H = 2048: one block of 8 warps per SM, so the bytes in flight per SM match grouped_gemm1_kernel's two
// blocks of one-row items) and writes a[s, i] = bf16(silu(bf16(g)) * bf16(u)) for every slot s of the
// expert: the same bits as grouped_gemm1_kernel + silu_and_mul_kernel, without h1's round trip.
//   a: [num_slots, INTER] bf16 (output). Other arguments as grouped_gemm1_kernel.
// Launch: grid = number of SMs (persistent), block = 256.
extern "C" __global__ void __launch_bounds__(GG_THREADS, 1) grouped_gemm1_silu_kernel(
        const bf16* __restrict__ y, const bf16* __restrict__ w13, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, bf16* __restrict__ a, int num_slots, int topk,
        int num_experts) {
    fs_gg1_cuda_items<2, INTER>(y, w13, count, expert_to_tokens, a, num_slots, topk, num_experts);
}

// ---- tensor-core variant (grouped_gemm_tc.cuh): same arguments, results within bf16 rounding ----
// (only where the reduction length is a multiple of 32; the host side checks the same)
#if HIDDEN % 32 == 0
#include "grouped_gemm_hybrid.cuh"

extern "C" __global__ void __launch_bounds__(TC_THREADS, 2) grouped_gemm1_tc_kernel(
        const bf16* __restrict__ y, const bf16* __restrict__ w13, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, bf16* __restrict__ h1, int num_slots, int topk,
        int num_experts, int tc_min_slots) {
    fs_pdl_wait();  // see common.cuh: the tables come from the kernel just before
    fs_pdl_launch_dependents();
    __shared__ FsGgTables tables;
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    fs_grouped_gemm_hybrid<HIDDEN, 2 * INTER, true, false, 0>(
        y, w13, count, expert_to_tokens, nullptr, h1, num_slots, topk, num_experts, tc_min_slots, tables);
}
// The same with the pipelined 16-row tensor-core items (grouped_gemm_tcp.cuh, 2 chunks per round): same
// arguments and results.
#if HIDDEN % 128 == 0 && (2 * INTER) % 16 == 0
extern "C" __global__ void __launch_bounds__(TC_THREADS, 2) grouped_gemm1_tcp_kernel(
        const bf16* __restrict__ y, const bf16* __restrict__ w13, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, bf16* __restrict__ h1, int num_slots, int topk,
        int num_experts, int tc_min_slots) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    __shared__ FsGgTables tables;
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    fs_grouped_gemm_hybrid<HIDDEN, 2 * INTER, true, false, 2>(
        y, w13, count, expert_to_tokens, nullptr, h1, num_slots, topk, num_experts, tc_min_slots, tables);
}
#endif
#endif

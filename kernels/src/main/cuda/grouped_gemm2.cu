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
//
// Also here: grouped_gemm2_sum_kernel (switch gemm2_sum, at most 64 slots): grouped_gemm2_kernel followed by
// moe_sum_reduce, the same bits, in one launch with the same grid and block; one warp item per output row over
// every active expert (its comment below), and grouped_gemm2_tc/tcp_kernel (tensor cores, at the end).
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

// The CUDA-core items of all active experts (GG_RPW output rows each).
extern "C" __global__ void __launch_bounds__(GG_THREADS, 2) grouped_gemm2_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
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
        fs_gg_cuda_item<GG_KDIM, GG_NROWS, GG_RPW, false, true>(
            a, w2, list, expert_to_weights + (long long)e * num_slots, h2, e, cnt, group * GG_RPW, 1, false);
    }
}

// ---- grouped_gemm2_sum_kernel (switch gemm2_sum, small batches) ----
// grouped_gemm2_kernel and moe_sum_reduce in one launch, the same bits, for at most GG2S_MAX_SLOTS slots:
//   out[t, n] = bf16(sum_{k < K'} h2[t*K' + k, n]), fp32 in k order from 0, h2 as grouped_gemm2_kernel's.
// Extra arguments: out [num_slots / topk, HIDDEN] bf16 (output); topk = K' (slots per token). h2 is still
// written for every listed slot (the same bits as grouped_gemm2_kernel's), from registers after each row, but
// nothing reads it back.
//
// Design ("row-major": no atomics, no h2 round trip). A warp item is ONE output row n; warps take rows
// block-contiguously (row = 8*block + warp, then + 8*grid), so a block's 8 warps walk the same experts on 8
// adjacent rows (8 KB of contiguous weights per expert, and the activation rows come from L1 after the first
// warp). For its row the warp walks every active expert e: lane l holds chunks c*32 + l (c < CH) of
// W2[e, n, 0:I], as fs_gg_cuda_item does; for each slot s of e's list it computes the dot product exactly as
// fs_gg_cuda_item does (each lane's fs_dot8 over its chunks in chunk order, fs_warp_sum, times the routing
// weight, rounded to bf16), and lane s % 32 keeps the value in register h[s / 32]. After the last expert every
// token's sum is gathered from those registers with shuffles, in k order, and lane t % 32 stores out[t, n].
//   Weight loads run GG2S_DEPTH experts ahead of the dot products (a ring of register buffers; the stream of
// (row, expert) pairs runs on across a warp's rows), so each warp keeps GG2S_DEPTH KB in flight at I = 512.
//   Each block first compacts the active experts (ids, counts) and copies their slot lists and routing weights
// into shared memory (at most GG2S_MAX_SLOTS entries), then issues its first weight loads; all of this reads
// only constants and tables written two or more launches back, so it runs before fs_pdl_wait(). Reads of `a`
// and every write come after it.
// Launch: grid = 2 * number of SMs (persistent; any grid >= 1 is correct), block = 256 threads, no dynamic
// shared memory (static: 12*(EXPERTS+1) + 8*GG2S_MAX_SLOTS + 128 bytes).
#define GG2S_MAX_SLOTS 64
#define GG2S_HREGS (GG2S_MAX_SLOTS / 32)
// Weight loads in flight per warp, in experts (rows of I): 8 uint4 per lane, as fs_gg_rows_per_item.
#ifndef GG2S_DEPTH
#define GG2S_DEPTH GG_RPW
#endif

extern "C" __global__ void __launch_bounds__(GG_THREADS, 2) grouped_gemm2_sum_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, bf16* __restrict__ out, int num_slots, int num_experts, int topk) {
    constexpr int CH = fs_gg_chunks(GG_KDIM);
    constexpr int D = GG2S_DEPTH;
    __shared__ int active[EXPERTS + 1];
    __shared__ int active_cnt[EXPERTS + 1];
    __shared__ int active_off[EXPERTS + 1];  // where each active expert's slots start in slot_tab
    __shared__ int warp_tot[32];
    __shared__ int slot_tab[GG2S_MAX_SLOTS];
    __shared__ float weight_tab[GG2S_MAX_SLOTS];
    if (num_experts > EXPERTS + 1 || num_slots > GG2S_MAX_SLOTS || topk < 1) return;  // sizes mismatch
    if (blockIdx.x * GG_WARPS >= GG_NROWS) return;  // no row for this block (uniform: before any barrier)
    const int lane = threadIdx.x & 31;
    const int warp = threadIdx.x >> 5;
    const int n_active = fs_compact_active_experts(count, num_experts, active, active_cnt, warp_tot);

    // the warp's rows n0, n0 + stride, ...: the stream of (row, expert) pairs, `total` long
    const int n0 = blockIdx.x * GG_WARPS + warp;
    const int stride = gridDim.x * GG_WARPS;
    const int rows = n0 < GG_NROWS ? (GG_NROWS - 1 - n0) / stride + 1 : 0;
    const int total = n_active > 0 ? rows * n_active : 0;
    // load position in the stream (row ln, active expert lj), running GG2S_DEPTH pairs ahead
    int ln = n0, lj = 0;
    uint4 wbuf[D][CH];
#pragma unroll
    for (int b = 0; b < D; ++b) {
        if (b < total) {
            fs_gg_load_lane_chunks<GG_KDIM, true>(w2 + ((long long)active[lj] * GG_NROWS + ln) * GG_KDIM, wbuf[b]);
            if (++lj == n_active) lj = 0, ln += stride;
        }
    }

    // slot lists into shared memory: warp w takes active experts 32w + lane (+ 256, ...); its offset is the sum
    // of the counts before it (the warp's lanes sum those below the warp's range, then a warp scan)
    for (int base = warp * 32; base < n_active; base += GG_THREADS) {
        int below = 0;
        for (int j = lane; j < base; j += 32) below += active_cnt[j];
#pragma unroll
        for (int o = 16; o > 0; o >>= 1) below += __shfl_xor_sync(FS_FULL_MASK, below, o);
        const int j = base + lane;
        const int cnt = j < n_active ? active_cnt[j] : 0;
        int incl = cnt;
#pragma unroll
        for (int o = 1; o < 32; o <<= 1) {
            const int v = __shfl_up_sync(FS_FULL_MASK, incl, o);
            if (lane >= o) incl += v;
        }
        if (j < n_active) {
            const int off = below + incl - cnt;
            const long long row = (long long)active[j] * num_slots;
            for (int i = 0; i < cnt && off + i < GG2S_MAX_SLOTS; ++i) {  // (all of them in a consistent table)
                slot_tab[off + i] = __ldg(expert_to_tokens + row + i);
                weight_tab[off + i] = __ldg(expert_to_weights + row + i);
            }
            active_off[j] = off;
        }
    }
    __syncthreads();

    fs_pdl_wait();  // `a` comes from the kernel just before this one; every write comes after this point
    fs_pdl_launch_dependents();

    const int tokens = num_slots / topk;
    int cn = n0, cj = 0;  // compute position in the stream
    float h[GG2S_HREGS];  // h[r] of lane l: bf16(slot r*32 + l's value) on row cn
    unsigned got = 0u;    // bit r: h[r] holds a listed slot's value
#pragma unroll
    for (int r = 0; r < GG2S_HREGS; ++r) h[r] = 0.f;
    for (int q0 = 0; q0 < total; q0 += D) {
#pragma unroll
        for (int b = 0; b < D; ++b) {
            if (q0 + b >= total) break;
            uint4 wv[CH];
#pragma unroll
            for (int c = 0; c < CH; ++c) wv[c] = wbuf[b][c];
            if (q0 + b + D < total) {  // refill the buffer D pairs ahead
                fs_gg_load_lane_chunks<GG_KDIM, true>(w2 + ((long long)active[lj] * GG_NROWS + ln) * GG_KDIM,
                                                      wbuf[b]);
                if (++lj == n_active) lj = 0, ln += stride;
            }
            const int off = active_off[cj];
            const int end = off + active_cnt[cj] < GG2S_MAX_SLOTS ? off + active_cnt[cj] : GG2S_MAX_SLOTS;
            for (int i = off; i < end; ++i) {
                const int s = slot_tab[i];
                uint4 xv[CH];
                fs_gg_load_lane_chunks<GG_KDIM, false>(a + (long long)s * GG_KDIM, xv);
                float d = 0.f;
#pragma unroll
                for (int c = 0; c < CH; ++c) d += fs_dot8(wv[c], xv[c]);
                const float v = __bfloat162float(__float2bfloat16_rn(fs_warp_sum(d) * weight_tab[i]));
                if (lane == (s & 31)) {
#pragma unroll
                    for (int r = 0; r < GG2S_HREGS; ++r) {
                        if ((s >> 5) == r) h[r] = v, got |= 1u << r;
                    }
                }
            }
            if (++cj == n_active) {  // the row's last expert: its token sums, then the next row
                for (int t = 0; t < tokens; ++t) {
                    float acc = 0.f;
                    for (int k = 0; k < topk; ++k) {
                        const int s = t * topk + k;
                        float hs = h[0];
#pragma unroll
                        for (int r = 1; r < GG2S_HREGS; ++r) hs = (s >> 5) == r ? h[r] : hs;
                        acc += __shfl_sync(FS_FULL_MASK, hs, s & 31);
                    }
                    if (lane == (t & 31)) fs_st_bf16(out + (long long)t * GG_NROWS + cn, acc);
                }
#pragma unroll
                for (int r = 0; r < GG2S_HREGS; ++r) {
                    if (got & (1u << r)) fs_st_bf16(h2 + (long long)(r * 32 + lane) * GG_NROWS + cn, h[r]);
                    h[r] = 0.f;
                }
                got = 0u;
                cj = 0;
                cn += stride;
            }
        }
    }
}

// ---- tensor-core variant (grouped_gemm_tc.cuh): same arguments, results within bf16 rounding ----
// (only where the reduction length is a multiple of 32; the host side checks the same)
#if INTER % 32 == 0 && HIDDEN % 8 == 0
#include "grouped_gemm_hybrid.cuh"

extern "C" __global__ void __launch_bounds__(TC_THREADS, 2) grouped_gemm2_tc_kernel(
        const bf16* __restrict__ a, const bf16* __restrict__ w2, const int* __restrict__ count,
        const int* __restrict__ expert_to_tokens, const float* __restrict__ expert_to_weights,
        bf16* __restrict__ h2, int num_slots, int num_experts, int tc_min_slots) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
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
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    __shared__ FsGgTables tables;
    if (num_experts > EXPERTS + 1) return;  // the tables do not fit this build: sizes mismatch
    fs_grouped_gemm_hybrid<INTER, HIDDEN, false, true, 4>(
        a, w2, count, expert_to_tokens, expert_to_weights, h2, num_slots, 1, num_experts, tc_min_slots, tables);
}
#endif
#endif

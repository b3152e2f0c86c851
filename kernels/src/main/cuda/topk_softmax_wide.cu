// topk_softmax_wide: topk_softmax_shared_kernel (topk_softmax.cu) with one BLOCK per token row
// instead of one warp (switch `topk_wide`, with `router_gate`). Same arguments, same math, same tie
// rule, and bit-identical outputs:
//
//   logits [tokens, ld] fp32 or bf16 (ld >= EXPERTS + 1; column EXPERTS is the shared-expert gate g),
//   ids [tokens, TOPK + 1] int32, weights [tokens, TOPK + 1] fp32.
//   math: the TOPK largest logits of columns 0..EXPERTS-1 (ties -> lower expert id), in decreasing
//   order; weights as topk_softmax.cu (renormalize != 0: exp(l_k - l_max) / sum over the K chosen, in
//   the chosen order; otherwise over all EXPERTS, summed in the warp kernel's lane order); slot TOPK =
//   shared_id with weight sigmoid(g). use_scenario != 0: the top-K is computed all the same, but slots
//   0..TOPK-1 take scenario_ids / scenario_weights [tokens, TOPK].
//   Logits must be finite.
//
// Arguments: logits, logits_is_bf16, ld, use_scenario, scenario_ids, scenario_weights, ids, weights,
//   rows, renormalize, shared_id (those of topk_softmax_shared_kernel).
// Constants: -DEXPERTS=<E> -DTOPK=<K> (required; TOPK <= EXPERTS, TOPK <= 32, EXPERTS <= 1024).
// Launch: grid = rows, block = TW_THREADS = 32 * ceil(EXPERTS / 32) (512 at E = 512), one expert per
// thread (expert e = thread e: lane e % 32 of warp e / 32, the warp kernel's lane and j); no dynamic
// shared memory (about 9 KB static at E = 512).
//
// How (no K sequential selection rounds): each logit becomes an order-preserving 32-bit key (-0 as
// +0, so equal floats get equal keys) and, with the expert id, a 64-bit key that orders by (logit
// desc, id asc). (1) One redux.sync max per warp; (2) every warp takes the K-th largest of the
// ceil(E/32) warp maxima as a lower bound on the K-th largest logit (K distinct experts reach it) and
// compacts the experts at or above it (about 15 of 512 for random logits) into shared memory;
// (3) each candidate's rank = how many candidates beat it; ranks 0..K-1 are the top K, in order;
// (4) warp 0 writes them. With fewer warps than K (E < 32 K) every expert is a candidate.
#include "common.cuh"

#ifndef EXPERTS
#error "topk_softmax_wide.cu needs -DEXPERTS=<number of routed experts>"
#endif
#ifndef TOPK
#error "topk_softmax_wide.cu needs -DTOPK=<experts per token>"
#endif
static_assert(TOPK >= 1 && TOPK <= 32 && TOPK <= EXPERTS && EXPERTS <= 1024,
              "need 1 <= TOPK <= min(32, EXPERTS) and EXPERTS <= 1024");

#define TW_WARPS ((EXPERTS + 31) / 32)
#define TW_THREADS (TW_WARPS * 32)

__device__ __forceinline__ float tw_logit(const void* logits, int logits_is_bf16, long long i) {
    return logits_is_bf16 ? __bfloat162float(static_cast<const bf16*>(logits)[i]) : static_cast<const float*>(logits)[i];
}

// Order-preserving key of a finite float (-0 and +0 the same key); 0 is below every float.
__device__ __forceinline__ fs_u32 tw_key(float v) {
    fs_u32 b = __float_as_uint(v);
    if (b == 0x80000000u) b = 0u;
    return (b & 0x80000000u) ? ~b : (b | 0x80000000u);
}

__device__ __forceinline__ float tw_value(fs_u32 key) {
    return __uint_as_float((key & 0x80000000u) ? (key & 0x7fffffffu) : ~key);
}

// Max over the 32 lanes, every lane gets it: one redux.sync on sm_80+ (as PTX, which NVRTC takes
// as it is), else 5 shuffles. The whole warp must be active.
__device__ __forceinline__ fs_u32 tw_warp_max(fs_u32 v) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    fs_u32 r;
    asm volatile("redux.sync.max.u32 %0, %1, %2;\n" : "=r"(r) : "r"(v), "r"(FS_FULL_MASK));
    return r;
#else
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) {
        const fs_u32 other = __shfl_xor_sync(FS_FULL_MASK, v, o);
        v = other > v ? other : v;
    }
    return v;
#endif
}

extern "C" __global__ void __launch_bounds__(TW_THREADS) topk_softmax_shared_wide_kernel(
        const void* __restrict__ logits, int logits_is_bf16, int ld, int use_scenario,
        const int* __restrict__ scenario_ids, const float* __restrict__ scenario_weights, int* __restrict__ ids,
        float* __restrict__ weights, int rows, int renormalize, int shared_id) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    __shared__ fs_u32 warp_max[TW_WARPS];
    __shared__ float exp_part[TW_WARPS][32];  // exp(l - max) per expert (renormalize == 0 only)
    __shared__ fs_u64 candidates[TW_THREADS];  // (key << 32) | ~id: larger = better
    __shared__ fs_u64 chosen[TOPK];
    __shared__ int num_candidates;
    const int row = blockIdx.x;
    if (row >= rows) return;  // uniform per block
    const int e = threadIdx.x;
    const int lane = e & 31;
    const int warp = e >> 5;
    const long long base = (long long)row * ld;
    const long long out = (long long)row * (TOPK + 1);
    const bool valid = e < EXPERTS;
    const float v = valid ? tw_logit(logits, logits_is_bf16, base + e) : FS_NEG_INF;
    if (e == 0) {  // the shared slot first: its load overlaps the selection
        const float g = tw_logit(logits, logits_is_bf16, base + EXPERTS);
        ids[out + TOPK] = shared_id;
        weights[out + TOPK] = 1.f / (1.f + expf(-g));
        num_candidates = 0;
    }
    const fs_u32 key = valid ? tw_key(v) : 0u;
    const fs_u32 top_of_warp = tw_warp_max(key);
    if (lane == 0) warp_max[warp] = top_of_warp;
    __syncthreads();

    // every warp: the row's max and the K-th largest warp max (a lower bound on the K-th largest logit)
    const fs_u32 mine = lane < TW_WARPS ? warp_max[lane] : 0u;
    const float mx = tw_value(tw_warp_max(mine));
    fs_u32 bound = 0u;
    if (TW_WARPS >= TOPK) {
        int rank = 0;  // of this lane's warp max, ties by warp index: ranks 0..TW_WARPS-1 once each
        for (int j = 0; j < TW_WARPS; ++j) {
            const fs_u32 o = warp_max[j];
            rank += (o > mine || (o == mine && j < lane)) ? 1 : 0;
        }
        const fs_u32 at = __ballot_sync(FS_FULL_MASK, lane < TW_WARPS && rank == TOPK - 1);
        bound = __shfl_sync(FS_FULL_MASK, mine, __ffs(at) - 1);
    }
    if (!renormalize) exp_part[warp][lane] = valid ? expf(v - mx) : 0.f;
    const bool candidate = valid && key >= bound;
    const fs_u32 ballot = __ballot_sync(FS_FULL_MASK, candidate);
    if (ballot != 0u) {  // uniform per warp
        int at = 0;
        if (lane == 0) at = atomicAdd(&num_candidates, __popc(ballot));
        at = __shfl_sync(FS_FULL_MASK, at, 0);
        if (candidate) {
            candidates[at + __popc(ballot & ((1u << lane) - 1u))] = ((fs_u64)key << 32) | (fs_u32)~e;
        }
    }
    __syncthreads();

    const int n = num_candidates;
    if (e < n) {  // n <= EXPERTS <= TW_THREADS
        const fs_u64 c = candidates[e];
        int rank = 0;
        for (int j = 0; j < n; ++j) rank += candidates[j] > c ? 1 : 0;
        if (rank < TOPK) chosen[rank] = c;
    }
    __syncthreads();
    if (warp != 0) return;

    float ex = 0.f;
    int id = 0;
    if (lane < TOPK) {
        const fs_u64 c = chosen[lane];
        id = (int)~(fs_u32)c;
        ex = expf(tw_value((fs_u32)(c >> 32)) - mx);
    }
    float denom = 0.f;
    if (renormalize) {
#pragma unroll
        for (int k = 0; k < TOPK; ++k) denom += __shfl_sync(FS_FULL_MASK, ex, k);
    } else {
        for (int j = 0; j < TW_WARPS; ++j) denom += exp_part[j][lane];
        denom = fs_warp_sum(denom);
    }
    const float inv = 1.f / denom;
    if (lane < TOPK) {
        const long long sc = (long long)row * TOPK + lane;
        ids[out + lane] = use_scenario ? scenario_ids[sc] : id;
        weights[out + lane] = use_scenario ? scenario_weights[sc] : ex * inv;
    }
}

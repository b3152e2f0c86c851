// topk_softmax: router logits -> top-K expert ids and their routing weights (MoE step 4).
//
//   logits:  [tokens, EXPERTS] fp32 or bf16 (input; logits_is_bf16 says which)
//   ids:     [tokens, TOPK]    int32 (output), in decreasing weight order
//   weights: [tokens, TOPK]    fp32  (output)
//   math: p = softmax(logits[t]) over all EXPERTS in fp32; ids = the TOPK largest p (ties -> lower
//   expert id); renormalize != 0: weights[k] = p[ids[k]] / sum_j p[ids[j]] (sums to 1), otherwise
//   weights[k] = p[ids[k]].
//   Implementation: softmax is monotonic, so the top-K is selected on the logits themselves (exact
//   comparisons, no rounding can create or break a tie), and for the renormalized weights the full
//   softmax denominator cancels: weights[k] = exp(l_k - l_max) / sum_j exp(l_j - l_max) over the K
//   chosen. Logits must be finite.
//
// Arguments: logits, logits_is_bf16, ids, weights, rows, renormalize.
//
// topk_softmax_shared_kernel (fusion `router_gate`, with `shared_as_expert`): the router GEMM also
// computed the shared-expert gate logit g as column EXPERTS of each logits row (the gate row appended
// to the router weight), so one kernel does topk_softmax over columns 0..EXPERTS-1 and
// append_shared_expert: ids/weights rows of TOPK + 1 with slot TOPK = shared_id and weight
// sigmoid(g) (fp32), replacing the gate GEMV and the append kernel. When a routing scenario decides
// (use_scenario != 0) the top-K is still computed (same work as topk_softmax in that case) but slots
// 0..TOPK-1 take the scenario's ids and weights [tokens, TOPK] instead.
//   logits [tokens, ld] (ld >= EXPERTS + 1), ids [tokens, TOPK + 1] int32, weights [tokens, TOPK + 1] fp32.
// Arguments: logits, logits_is_bf16, ld, use_scenario, scenario_ids, scenario_weights, ids, weights,
//   rows, renormalize, shared_id.
// Constants: -DEXPERTS=<E> -DTOPK=<K> (required; TOPK <= EXPERTS, TOPK <= 32).
// Launch: one warp per token row: block = 128 threads (4 rows per block), grid = ceil(rows / 4);
// no dynamic shared memory. Each lane keeps ceil(EXPERTS/32) logits in registers (16 at E = 512).
#include "common.cuh"

#ifndef EXPERTS
#error "topk_softmax.cu needs -DEXPERTS=<number of routed experts>"
#endif
#ifndef TOPK
#error "topk_softmax.cu needs -DTOPK=<experts per token>"
#endif
static_assert(TOPK >= 1 && TOPK <= 32 && TOPK <= EXPERTS, "need 1 <= TOPK <= min(32, EXPERTS)");

#define TS_PER_LANE ((EXPERTS + 31) / 32)

__device__ __forceinline__ float ts_logit(const void* logits, int logits_is_bf16, long long i) {
    return logits_is_bf16 ? __bfloat162float(static_cast<const bf16*>(logits)[i]) : static_cast<const float*>(logits)[i];
}

// One token row, one warp: logits at base.., ids/weights written at out.. (TOPK entries).
// With sc_ids != nullptr the scenario's ids/weights at sc.. are written instead of the chosen ones.
__device__ __forceinline__ void ts_topk_row(const void* __restrict__ logits, int logits_is_bf16, long long base,
                                            int* __restrict__ ids, float* __restrict__ weights, long long out,
                                            int renormalize, const int* __restrict__ sc_ids,
                                            const float* __restrict__ sc_weights, long long sc) {
    const int lane = threadIdx.x & 31;
    float v[TS_PER_LANE];
#pragma unroll
    for (int j = 0; j < TS_PER_LANE; ++j) {
        const int e = lane + 32 * j;
        if (e < EXPERTS) {
            v[j] = ts_logit(logits, logits_is_bf16, base + e);
        } else {
            v[j] = FS_NEG_INF;
        }
    }
    float mx = FS_NEG_INF;
#pragma unroll
    for (int j = 0; j < TS_PER_LANE; ++j) mx = fmaxf(mx, v[j]);
    mx = fs_warp_max(mx);
    float denom = 0.f;
    if (!renormalize) {
#pragma unroll
        for (int j = 0; j < TS_PER_LANE; ++j) denom += expf(v[j] - mx);
        denom = fs_warp_sum(denom);
    }
    float chosen[TOPK];
#pragma unroll
    for (int k = 0; k < TOPK; ++k) {
        // lane-local best; e grows with j, so strict '>' keeps the lower id on a tie
        float bv = FS_NEG_INF;
        int be = EXPERTS;
#pragma unroll
        for (int j = 0; j < TS_PER_LANE; ++j) {
            if (v[j] > bv) {
                bv = v[j];
                be = lane + 32 * j;
            }
        }
#pragma unroll
        for (int o = 16; o > 0; o >>= 1) {
            const float ov = __shfl_xor_sync(FS_FULL_MASK, bv, o);
            const int oe = __shfl_xor_sync(FS_FULL_MASK, be, o);
            if (ov > bv || (ov == bv && oe < be)) {
                bv = ov;
                be = oe;
            }
        }
        // every lane now holds the same (bv, be): take it out of the race
#pragma unroll
        for (int j = 0; j < TS_PER_LANE; ++j) {
            if (lane + 32 * j == be) v[j] = FS_NEG_INF;
        }
        chosen[k] = bv;
        if (lane == k) ids[out + k] = sc_ids ? sc_ids[sc + k] : be;
    }
    if (renormalize) {
        denom = 0.f;
#pragma unroll
        for (int k = 0; k < TOPK; ++k) denom += expf(chosen[k] - mx);
    }
    const float inv = 1.f / denom;
#pragma unroll
    for (int k = 0; k < TOPK; ++k) {
        if (lane == k) weights[out + k] = sc_ids ? sc_weights[sc + k] : expf(chosen[k] - mx) * inv;
    }
}

extern "C" __global__ void __launch_bounds__(128) topk_softmax_kernel(
        const void* __restrict__ logits, int logits_is_bf16, int* __restrict__ ids,
        float* __restrict__ weights, int rows, int renormalize) {
    const int row = blockIdx.x * (blockDim.x >> 5) + (threadIdx.x >> 5);
    if (row >= rows) return;  // uniform per warp
    ts_topk_row(logits, logits_is_bf16, (long long)row * EXPERTS, ids, weights, (long long)row * TOPK, renormalize,
                nullptr, nullptr, 0);
}

extern "C" __global__ void __launch_bounds__(128) topk_softmax_shared_kernel(
        const void* __restrict__ logits, int logits_is_bf16, int ld, int use_scenario,
        const int* __restrict__ scenario_ids, const float* __restrict__ scenario_weights, int* __restrict__ ids,
        float* __restrict__ weights, int rows, int renormalize, int shared_id) {
    const int row = blockIdx.x * (blockDim.x >> 5) + (threadIdx.x >> 5);
    if (row >= rows) return;  // uniform per warp
    const long long base = (long long)row * ld;
    const long long out = (long long)row * (TOPK + 1);
    if ((threadIdx.x & 31) == 0) {  // the shared slot first: its load overlaps the top-K selection
        const float g = ts_logit(logits, logits_is_bf16, base + EXPERTS);
        ids[out + TOPK] = shared_id;
        weights[out + TOPK] = 1.f / (1.f + expf(-g));
    }
    ts_topk_row(logits, logits_is_bf16, base, ids, weights, out, renormalize, use_scenario ? scenario_ids : nullptr,
                scenario_weights, (long long)row * TOPK);
}

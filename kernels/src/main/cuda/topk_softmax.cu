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

extern "C" __global__ void __launch_bounds__(128) topk_softmax_kernel(
        const void* __restrict__ logits, int logits_is_bf16, int* __restrict__ ids,
        float* __restrict__ weights, int rows, int renormalize) {
    const int lane = threadIdx.x & 31;
    const int row = blockIdx.x * (blockDim.x >> 5) + (threadIdx.x >> 5);
    if (row >= rows) return;  // uniform per warp
    const long long base = (long long)row * EXPERTS;
    float v[TS_PER_LANE];
#pragma unroll
    for (int j = 0; j < TS_PER_LANE; ++j) {
        const int e = lane + 32 * j;
        if (e < EXPERTS) {
            v[j] = logits_is_bf16 ? __bfloat162float(static_cast<const bf16*>(logits)[base + e])
                                  : static_cast<const float*>(logits)[base + e];
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
        if (lane == k) ids[(long long)row * TOPK + k] = be;
    }
    if (renormalize) {
        denom = 0.f;
#pragma unroll
        for (int k = 0; k < TOPK; ++k) denom += expf(chosen[k] - mx);
    }
    const float inv = 1.f / denom;
#pragma unroll
    for (int k = 0; k < TOPK; ++k) {
        if (lane == k) weights[(long long)row * TOPK + k] = expf(chosen[k] - mx) * inv;
    }
}

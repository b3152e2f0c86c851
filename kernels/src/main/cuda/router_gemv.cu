// router_gemv: the router GEMM at decode sizes as one GEMV-style kernel (switch `router_gemv`, with
// `router_gate`; replaces the cuBLAS router_gate_gemm, MoE step 3).
//
//   x:   [tokens, HIDDEN] bf16 (input), the normed hidden states y
//   w:   [rows, HIDDEN]   bf16 (input), the router weight; under router_gate E routed rows, the
//                         shared-expert gate row (row E) and zero rows up to a multiple of 8
//   out: [tokens, rows]   fp32 (output), row-major: what Blas.linear writes for an fp32 y and what
//                         topk_softmax_shared reads (ld = rows)
//   math: out[t, n] = sum_k x[t, k] * w[n, k] for every n < rows, t < tokens; fp32 accumulation
//   (each lane sums its 16-byte pieces in order, then the warp tree-sums the 32 lane partials).
//
// Arguments: x, w, out, tokens, rows.
// Constants: -DHIDDEN=<H> (required; multiple of 8, at most 4096: a lane keeps HIDDEN/256 16-byte
// weight pieces in registers, 8 = 32 registers at H = 2048).
// Launch: one warp per weight row, RG_WARPS = 4 rows per block: block = 128, grid = ceil(rows / 4);
// no dynamic shared memory. A warp loads its row ONCE (all pieces in flight, streaming loads), then
// walks the tokens RG_TOKENS = 8 at a time: per token it reads x's matching pieces (read-only path;
// the 4 warps of a block share them through L1), one warp sum each, lane t stores token t. So the
// weights are read once for any number of tokens, and the work per warp grows with M: meant for
// decode batches (M <= 16); cuBLAS stays the default.
#include "common.cuh"

#ifndef HIDDEN
#error "router_gemv.cu needs -DHIDDEN=<hidden size, multiple of 8>"
#endif
static_assert(HIDDEN % 8 == 0 && HIDDEN <= 4096, "router_gemv needs HIDDEN a multiple of 8, at most 4096");

#define RG_WARPS 4
#define RG_TOKENS 8
#define RG_PIECES (HIDDEN / 8)                 // 16-byte pieces per row
#define RG_PER_LANE ((RG_PIECES + 31) / 32)    // pieces per lane (8 at H = 2048)

// NT tokens t0..t0+NT-1 of one weight row n held in wv: out[t, n].
template <int NT>
__device__ __forceinline__ void rg_tokens(const uint4 (&wv)[RG_PER_LANE], const bf16* __restrict__ x,
                                          float* __restrict__ out, int rows, int n, int t0) {
    const int lane = threadIdx.x & 31;
    float acc[NT];
#pragma unroll
    for (int t = 0; t < NT; ++t) acc[t] = 0.f;
#pragma unroll
    for (int j = 0; j < RG_PER_LANE; ++j) {
        const int piece = lane + 32 * j;
        if (RG_PIECES % 32 == 0 || piece < RG_PIECES) {
#pragma unroll
            for (int t = 0; t < NT; ++t) {
                acc[t] = fs_fma8(wv[j], fs_load_ro16(x + (long long)(t0 + t) * HIDDEN + 8 * piece), acc[t]);
            }
        }
    }
#pragma unroll
    for (int t = 0; t < NT; ++t) {
        const float sum = fs_warp_sum(acc[t]);
        if (lane == t) out[(long long)(t0 + t) * rows + n] = sum;
    }
}

extern "C" __global__ void __launch_bounds__(RG_WARPS * 32) router_gemv_kernel(
        const bf16* __restrict__ x, const bf16* __restrict__ w, float* __restrict__ out, int tokens, int rows) {
    const int n = blockIdx.x * RG_WARPS + (threadIdx.x >> 5);
    if (n >= rows) return;  // uniform per warp
    const int lane = threadIdx.x & 31;
    const bf16* wrow = w + (long long)n * HIDDEN;
    uint4 wv[RG_PER_LANE];
#pragma unroll
    for (int j = 0; j < RG_PER_LANE; ++j) {
        const int piece = lane + 32 * j;
        wv[j] = (RG_PIECES % 32 == 0 || piece < RG_PIECES) ? fs_load_stream16(wrow + 8 * piece)
                                                           : make_uint4(0u, 0u, 0u, 0u);
    }
    fs_pdl_wait();  // the weights (constant) are on their way; x is the previous kernel's output
    fs_pdl_launch_dependents();
    int t0 = 0;
    for (; t0 + RG_TOKENS <= tokens; t0 += RG_TOKENS) rg_tokens<RG_TOKENS>(wv, x, out, rows, n, t0);
    switch (tokens - t0) {  // the last partial group, straight-line code per size
        case 1: rg_tokens<1>(wv, x, out, rows, n, t0); break;
        case 2: rg_tokens<2>(wv, x, out, rows, n, t0); break;
        case 3: rg_tokens<3>(wv, x, out, rows, n, t0); break;
        case 4: rg_tokens<4>(wv, x, out, rows, n, t0); break;
        case 5: rg_tokens<5>(wv, x, out, rows, n, t0); break;
        case 6: rg_tokens<6>(wv, x, out, rows, n, t0); break;
        case 7: rg_tokens<7>(wv, x, out, rows, n, t0); break;
        default: break;
    }
}

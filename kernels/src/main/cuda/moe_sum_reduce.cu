// moe_sum_reduce: out[t] = sum over k < K' of h2[t*K' + k] (MoE step 9; with shared_as_expert
// K' = K + 1 and the shared expert's gated output is slot K).
//
//   h2:  [tokens * topk, hidden] bf16 (input), slot-major: slot s = t*topk + k
//   out: [tokens, hidden]        bf16 (output)
//   math: out[t,h] = bf16(sum_k float(h2[t*topk+k, h])), fp32 sum in k order
//
// Arguments: h2, out, tokens, hidden, topk (K', runtime).
// Constants: none.
// Launch: block 256; grid = max(1, ceil(tokens*hidden / (8*256))) (grid-stride); no dynamic shared
// memory. Each thread owns 8 hidden values of one token and walks the K' slots (16-byte loads when
// hidden % 8 == 0, scalar otherwise).
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) moe_sum_reduce_kernel(
        const bf16* __restrict__ h2, bf16* __restrict__ out, int tokens, int hidden, int topk) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    const long long n = (long long)tokens * hidden;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if ((hidden & 7) == 0) {
        for (long long v = first; v < n / 8; v += stride) {
            const long long t = (v * 8) / hidden;
            const long long col = v * 8 - t * hidden;
            const bf16* src = h2 + t * topk * hidden + col;
            float acc[8] = {0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f, 0.f};
            for (int k = 0; k < topk; ++k) {
                float x[8];
                fs_load8(src + (long long)k * hidden, x);
#pragma unroll
                for (int j = 0; j < 8; ++j) acc[j] += x[j];
            }
            fs_store8(out + v * 8, acc);
        }
    } else {
        for (long long i = first; i < n; i += stride) {
            const long long t = i / hidden;
            const long long col = i - t * hidden;
            float acc = 0.f;
            for (int k = 0; k < topk; ++k) acc += fs_ld_bf16(h2 + (t * topk + k) * hidden + col);
            fs_st_bf16(out + i, acc);
        }
    }
}

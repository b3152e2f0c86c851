// rmsnorm: y = x * rsqrt(mean(x^2) + eps) * (1 + w), zero-centred weight (MoE step 2; the
// attention q/k norms use it too with HIDDEN = head_dim).
//
//   x: [tokens, HIDDEN] bf16 (input)
//   w: [HIDDEN]         bf16 (input), zero-centred: the scale is (1 + w)
//   y: [tokens, HIDDEN] bf16 (output)
//   math (fp32): ms = sum_h x[t,h]^2 / HIDDEN; y[t,h] = bf16(x[t,h] * rsqrt(ms + eps) * (1 + w[h]))
//
// Arguments: x, w, y, rows, eps.
// Constants: -DHIDDEN=<row length> (required, multiple of 8).
// Launch: grid = rows (one block per token row), block = 256 threads (fixed: the kernel keeps
// ceil(HIDDEN/8/256) 16-byte vectors per thread in registers, one pass over HBM), no dynamic shared
// memory (128 bytes static). At HIDDEN = 2048 each thread owns exactly one 16-byte vector.
#include "common.cuh"

#ifndef HIDDEN
#error "rmsnorm.cu needs -DHIDDEN=<hidden size, multiple of 8>"
#endif
static_assert(HIDDEN % 8 == 0, "HIDDEN must be a multiple of 8");

#define RMS_THREADS 256
#define RMS_VPT ((HIDDEN / 8 + RMS_THREADS - 1) / RMS_THREADS)

extern "C" __global__ void __launch_bounds__(RMS_THREADS) rmsnorm_kernel(
        const bf16* __restrict__ x, const bf16* __restrict__ w, bf16* __restrict__ y, int rows, float eps) {
    __shared__ float scratch[32];
    if ((int)blockIdx.x >= rows) return;  // uniform per block
    const long long base = (long long)blockIdx.x * HIDDEN;
    float v[RMS_VPT][8];
    float ss = 0.f;
#pragma unroll
    for (int i = 0; i < RMS_VPT; ++i) {
        const int c = threadIdx.x + i * RMS_THREADS;
        if (c < HIDDEN / 8) {
            fs_load8(x + base + c * 8, v[i]);
#pragma unroll
            for (int j = 0; j < 8; ++j) ss = fmaf(v[i][j], v[i][j], ss);
        }
    }
    ss = fs_block_sum(ss, scratch);
    const float inv = rsqrtf(ss / (float)HIDDEN + eps);
#pragma unroll
    for (int i = 0; i < RMS_VPT; ++i) {
        const int c = threadIdx.x + i * RMS_THREADS;
        if (c < HIDDEN / 8) {
            float g[8];
            fs_load8(w + c * 8, g);
#pragma unroll
            for (int j = 0; j < 8; ++j) g[j] = v[i][j] * inv * (1.f + g[j]);
            fs_store8(y + base + c * 8, g);
        }
    }
}

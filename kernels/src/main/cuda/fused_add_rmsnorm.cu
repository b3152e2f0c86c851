// fused_add_rmsnorm: r = r + x; y = rmsnorm(r) (fusion `add_rmsnorm`: replaces residual_add +
// rmsnorm, MoE steps 1 + 2). Writes both the new residual and the normed output.
//
//   x: [tokens, HIDDEN] bf16 (input), the block output to add
//   w: [HIDDEN]         bf16 (input), zero-centred norm weight: the scale is (1 + w)
//   r: [tokens, HIDDEN] bf16 (input and output), the residual, updated in place
//   y: [tokens, HIDDEN] bf16 (output)
//   math (fp32): r[t,h] = bf16(r[t,h] + x[t,h]); the norm reads the ROUNDED residual, exactly as
//   residual_add followed by rmsnorm would: ms = sum_h r[t,h]^2 / HIDDEN;
//   y[t,h] = bf16(r[t,h] * rsqrt(ms + eps) * (1 + w[h])).
//
// Arguments: x, w, r, y, rows, eps.
// Constants: -DHIDDEN=<row length> (required, multiple of 8).
// Launch: grid = rows (one block per token row), block = 256 threads (fixed: the kernel keeps
// ceil(HIDDEN/8/256) 16-byte vectors per thread in registers, one pass over HBM), no dynamic shared
// memory (128 bytes static). At HIDDEN = 2048 each thread owns exactly one 16-byte vector.
#include "common.cuh"

#ifndef HIDDEN
#error "fused_add_rmsnorm.cu needs -DHIDDEN=<hidden size, multiple of 8>"
#endif
static_assert(HIDDEN % 8 == 0, "HIDDEN must be a multiple of 8");

#define RMS_THREADS 256
#define RMS_VPT ((HIDDEN / 8 + RMS_THREADS - 1) / RMS_THREADS)

extern "C" __global__ void __launch_bounds__(RMS_THREADS) fused_add_rmsnorm_kernel(
        const bf16* __restrict__ x, const bf16* __restrict__ w, bf16* __restrict__ r, bf16* __restrict__ y,
        int rows, float eps) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    __shared__ float scratch[32];
    if ((int)blockIdx.x >= rows) return;  // uniform per block
    const long long base = (long long)blockIdx.x * HIDDEN;
    float v[RMS_VPT][8];
    float ss = 0.f;
#pragma unroll
    for (int i = 0; i < RMS_VPT; ++i) {
        const int c = threadIdx.x + i * RMS_THREADS;
        if (c < HIDDEN / 8) {
            float a[8];
            fs_load8(x + base + c * 8, a);
            fs_load8(r + base + c * 8, v[i]);
#pragma unroll
            for (int j = 0; j < 8; ++j) v[i][j] = __bfloat162float(__float2bfloat16_rn(v[i][j] + a[j]));
            fs_store8(r + base + c * 8, v[i]);
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

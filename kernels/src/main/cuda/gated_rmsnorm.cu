// gated_rmsnorm: the gated-delta-net output norm (layer step 5), per value head:
// y = rms(o) * w * silu(z) with a PLAIN weight w (not the 1 + w of the model's other RMSNorms).
//
//   o: [tokens, VALUE_HEADS*VALUE_DIM] bf16 (input), gated_delta_rule output
//   z: [tokens, VALUE_HEADS*VALUE_DIM] bf16 (input), the output gate (projection z part)
//   w: [VALUE_DIM]                     bf16 (input), shared by all heads
//   y: [tokens, VALUE_HEADS*VALUE_DIM] bf16 (output)
//   math (fp32, one rounding), per row r = (t, h) of VALUE_DIM elements:
//     ms = sum_j o[r,j]^2 / VALUE_DIM;  y[r,j] = bf16(o[r,j] * rsqrt(ms + eps) * w[j] * silu(z[r,j]))
//   (HF's Qwen3NextRMSNormGated rounds to bf16 after the norm and after the weight; fp32 kernels,
//   ours and FLA's, round once.)
//
// Arguments: o, z, w, y, rows (= tokens * VALUE_HEADS), eps.
// Constants: -DVALUE_DIM (required, multiple of 8); the other gated-delta-net constants may be given.
// Launch: block 128 = 4 warps, one warp per row (16-byte vectors, ceil(VALUE_DIM/8/32) per lane);
// grid = ceil(rows / 4). No shared memory.
#include "common.cuh"

#ifndef VALUE_DIM
#error "gated_rmsnorm.cu needs -DVALUE_DIM=<value head dim, multiple of 8>"
#endif
static_assert(VALUE_DIM % 8 == 0, "VALUE_DIM must be a multiple of 8");

#define GRN_ROWS_PER_BLOCK 4
#define GRN_VPL ((VALUE_DIM / 8 + 31) / 32)

extern "C" __global__ void __launch_bounds__(GRN_ROWS_PER_BLOCK * 32) gated_rmsnorm_kernel(
        const bf16* __restrict__ o, const bf16* __restrict__ z, const bf16* __restrict__ w, bf16* __restrict__ y,
        int rows, float eps) {
    const long long r = (long long)blockIdx.x * GRN_ROWS_PER_BLOCK + (threadIdx.x >> 5);
    if (r >= rows) return;  // uniform per warp
    const int lane = threadIdx.x & 31;
    const long long base = r * VALUE_DIM;
    float x[GRN_VPL][8];
    float ss = 0.f;
#pragma unroll
    for (int u = 0; u < GRN_VPL; ++u) {
        const int c = lane + 32 * u;
        if (c < VALUE_DIM / 8) {
            fs_load8(o + base + c * 8, x[u]);
#pragma unroll
            for (int j = 0; j < 8; ++j) ss = fmaf(x[u][j], x[u][j], ss);
        }
    }
    const float inv = rsqrtf(fs_warp_sum(ss) / (float)VALUE_DIM + eps);
#pragma unroll
    for (int u = 0; u < GRN_VPL; ++u) {
        const int c = lane + 32 * u;
        if (c < VALUE_DIM / 8) {
            float g[8], wt[8];
            fs_load8(z + base + c * 8, g);
            fs_load8(w + c * 8, wt);
#pragma unroll
            for (int j = 0; j < 8; ++j) g[j] = x[u][j] * inv * wt[j] * fs_silu(g[j]);
            fs_store8(y + base + c * 8, g);
        }
    }
}

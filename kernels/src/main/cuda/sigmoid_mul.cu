// sigmoid_mul: x *= sigmoid(g), in place (fusion `sigmoid_mul`: replaces sigmoid + mul).
//
//   g: [rows, g_cols] bf16 (input), g_cols == cols or g_cols == 1 (one gate per row)
//   x: [rows, cols]   bf16 (input and output, in place)
//   math: x[t,n] = bf16(float(x[t,n]) * sigmoid(float(g[t, g_cols == 1 ? 0 : n]))), fp32 inside,
//         one rounding (the unfused pair rounds sigmoid(g) to bf16 first).
//
// Arguments: g, x, rows, cols, g_cols.
// Constants: none.
// Launch: block 256; grid = max(1, ceil(rows*cols / (8*256))) (grid-stride); no dynamic shared
// memory. 16-byte vectors when cols % 8 == 0, scalar otherwise.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) sigmoid_mul_kernel(
        const bf16* __restrict__ g, bf16* __restrict__ x, int rows, int cols, int g_cols) {
    const long long n = (long long)rows * cols;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    const bool bcast = g_cols == 1;
    if ((cols & 7) == 0) {
        for (long long v = first; v < n / 8; v += stride) {
            float a[8], s[8];
            fs_load8(x + v * 8, a);
            if (bcast) {
                const float t = fs_sigmoid(fs_ld_bf16(g + (v * 8) / cols));
#pragma unroll
                for (int j = 0; j < 8; ++j) s[j] = t;
            } else {
                fs_load8(g + v * 8, s);
#pragma unroll
                for (int j = 0; j < 8; ++j) s[j] = fs_sigmoid(s[j]);
            }
#pragma unroll
            for (int j = 0; j < 8; ++j) a[j] *= s[j];
            fs_store8(x + v * 8, a);
        }
    } else {
        for (long long i = first; i < n; i += stride) {
            const float s = fs_sigmoid(fs_ld_bf16(g + (bcast ? i / cols : i)));
            fs_st_bf16(x + i, fs_ld_bf16(x + i) * s);
        }
    }
}

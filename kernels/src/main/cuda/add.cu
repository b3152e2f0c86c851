// add: out = a + b, elementwise, with b broadcast along a row when b_cols == 1.
//
//   a:   [rows, cols]   bf16 (input)
//   b:   [rows, b_cols] bf16 (input), b_cols == cols or b_cols == 1 (one value per row)
//   out: [rows, cols]   bf16 (output; may alias a, the kernel is elementwise)
//   math: out[t,n] = bf16(float(a[t,n]) + float(b[t, b_cols == 1 ? 0 : n]))
//
// Arguments: a, b, out, rows, cols, b_cols.
// Constants: none.
// Launch: block 256; grid = max(1, ceil(rows*cols / (8*256))) (grid-stride); no dynamic shared
// memory. 16-byte vectors when cols % 8 == 0, scalar otherwise.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) add_kernel(
        const bf16* a, const bf16* b, bf16* out, int rows, int cols, int b_cols) {
    const long long n = (long long)rows * cols;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    const bool bcast = b_cols == 1;
    if ((cols & 7) == 0) {
        for (long long v = first; v < n / 8; v += stride) {
            float x[8], y[8];
            fs_load8(a + v * 8, x);
            if (bcast) {
                const float g = fs_ld_bf16(b + (v * 8) / cols);
#pragma unroll
                for (int j = 0; j < 8; ++j) y[j] = g;
            } else {
                fs_load8(b + v * 8, y);
            }
#pragma unroll
            for (int j = 0; j < 8; ++j) x[j] = x[j] + y[j];
            fs_store8(out + v * 8, x);
        }
    } else {
        for (long long i = first; i < n; i += stride) {
            const float y = fs_ld_bf16(b + (bcast ? i / cols : i));
            fs_st_bf16(out + i, fs_ld_bf16(a + i) + y);
        }
    }
}

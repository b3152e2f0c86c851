// residual_add: r = r + x, in place on the residual (MoE block step 1, unfused path).
//
//   x: [tokens, hidden] bf16 (input)
//   r: [tokens, hidden] bf16 (input and output, updated in place)
//   math: r[t,h] = bf16(float(r[t,h]) + float(x[t,h]))
//
// Arguments (inputs, in/out, sizes): x, r, rows, cols.
// Constants: none (sizes are runtime arguments).
// Launch: block 256 threads; grid = max(1, ceil(rows*cols / (8*256))) (grid-stride, any grid >= 1
// is correct); no dynamic shared memory. 16-byte vectors when cols % 8 == 0, scalar otherwise.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) residual_add_kernel(
        const bf16* __restrict__ x, bf16* __restrict__ r, int rows, int cols) {
    const long long n = (long long)rows * cols;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if ((cols & 7) == 0) {
        for (long long v = first; v < n / 8; v += stride) {
            float a[8], b[8];
            fs_load8(x + v * 8, a);
            fs_load8(r + v * 8, b);
#pragma unroll
            for (int j = 0; j < 8; ++j) b[j] += a[j];
            fs_store8(r + v * 8, b);
        }
    } else {
        for (long long i = first; i < n; i += stride) fs_st_bf16(r + i, fs_ld_bf16(r + i) + fs_ld_bf16(x + i));
    }
}

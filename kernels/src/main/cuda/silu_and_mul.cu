// silu_and_mul: a[s, 0:I] = silu(h1[s, 0:I]) * h1[s, I:2I] (MoE step 7; also the shared expert).
//
//   h1: [slots, 2*inter] bf16 (input): gate half then up half, per row
//   a:  [slots, inter]   bf16 (output)
//   math: a[s,i] = bf16(silu(g) * u), g = float(h1[s,i]), u = float(h1[s,I+i]), silu(g) = g/(1+e^-g)
//
// Arguments: h1, a, rows, inter.
// Constants: none.
// Launch: block 256; grid = max(1, ceil(rows*inter / (8*256))) (grid-stride); no dynamic shared
// memory. 16-byte vectors when inter % 8 == 0, scalar otherwise.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) silu_and_mul_kernel(
        const bf16* __restrict__ h1, bf16* __restrict__ a, int rows, int inter) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    const long long n = (long long)rows * inter;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if ((inter & 7) == 0) {
        const int vpr = inter / 8;  // vectors per output row
        for (long long v = first; v < n / 8; v += stride) {
            const long long row = v / vpr;
            const int col = (int)(v - row * vpr) * 8;
            const bf16* src = h1 + row * 2 * inter + col;
            float gt[8], up[8];
            fs_load8(src, gt);
            fs_load8(src + inter, up);
#pragma unroll
            for (int j = 0; j < 8; ++j) gt[j] = fs_silu(gt[j]) * up[j];
            fs_store8(a + v * 8, gt);
        }
    } else {
        for (long long i = first; i < n; i += stride) {
            const long long row = i / inter;
            const long long col = i - row * inter;
            const bf16* src = h1 + row * 2 * inter + col;
            fs_st_bf16(a + i, fs_silu(fs_ld_bf16(src)) * fs_ld_bf16(src + inter));
        }
    }
}

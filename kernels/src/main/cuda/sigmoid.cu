// sigmoid: out = sigmoid(x), elementwise (shared-expert gate, unfused path step 11).
//
//   x:   [rows, cols] bf16 (input), e.g. the gate g [tokens, 1]
//   out: [rows, cols] bf16 (output; may alias x)
//   math: out = bf16(1 / (1 + exp(-x))) in fp32
//
// Arguments: x, out, rows, cols.
// Constants: none.
// Launch: block 256; grid = max(1, ceil(rows*cols / (8*256))) (grid-stride); no dynamic shared
// memory. 16-byte vectors when cols % 8 == 0, scalar otherwise (cols = 1 for the [M,1] gate).
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) sigmoid_kernel(
        const bf16* x, bf16* out, int rows, int cols) {
    const long long n = (long long)rows * cols;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if ((cols & 7) == 0) {
        for (long long v = first; v < n / 8; v += stride) {
            float a[8];
            fs_load8(x + v * 8, a);
#pragma unroll
            for (int j = 0; j < 8; ++j) a[j] = fs_sigmoid(a[j]);
            fs_store8(out + v * 8, a);
        }
    } else {
        for (long long i = first; i < n; i += stride) fs_st_bf16(out + i, fs_sigmoid(fs_ld_bf16(x + i)));
    }
}

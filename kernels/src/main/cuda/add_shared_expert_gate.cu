// add_shared_expert_gate: out += shared * sigmoid(g), in place (fusion `shared_gate`: replaces
// sigmoid + mul + add of MoE step 11).
//
//   shared: [tokens, hidden]  bf16 (input), the shared expert's output
//   g:      [tokens, g_cols]  bf16 (input), g_cols == 1 (the gate GEMV) or g_cols == hidden
//   out:    [tokens, hidden]  bf16 (input and output), the routed experts' sum
//   math: out[t,h] = bf16(float(out[t,h]) + float(shared[t,h]) * sigmoid(float(g[t, 0 or h])))
//         in fp32, one rounding.
//
// Arguments: shared, g, out, rows, cols, g_cols.
// Constants: none.
// Launch: block 256; grid = max(1, ceil(rows*cols / (8*256))) (grid-stride); no dynamic shared
// memory. 16-byte vectors when cols % 8 == 0, scalar otherwise.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) add_shared_expert_gate_kernel(
        const bf16* __restrict__ shared, const bf16* __restrict__ g, bf16* __restrict__ out, int rows,
        int cols, int g_cols) {
    const long long n = (long long)rows * cols;
    const long long stride = (long long)gridDim.x * blockDim.x;
    const long long first = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    const bool bcast = g_cols == 1;
    if ((cols & 7) == 0) {
        for (long long v = first; v < n / 8; v += stride) {
            float o[8], sh[8], s[8];
            fs_load8(out + v * 8, o);
            fs_load8(shared + v * 8, sh);
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
            for (int j = 0; j < 8; ++j) o[j] = fmaf(sh[j], s[j], o[j]);
            fs_store8(out + v * 8, o);
        }
    } else {
        for (long long i = first; i < n; i += stride) {
            const float s = fs_sigmoid(fs_ld_bf16(g + (bcast ? i / cols : i)));
            fs_st_bf16(out + i, fmaf(fs_ld_bf16(shared + i), s, fs_ld_bf16(out + i)));
        }
    }
}

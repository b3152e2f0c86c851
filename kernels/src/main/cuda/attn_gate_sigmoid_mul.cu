// attn_gate_sigmoid_mul: attn *= sigmoid(gate), in place (fusion `sigmoid_mul` for the attention
// output gate, layer step 6: replaces attn_gate_sigmoid + mul). The gate is read where the q
// projection left it (per query head [query | gate], any row stride); sigmoid_mul.cu cannot, its
// g must be a contiguous [rows, cols] or [rows, 1].
//
//   q_proj: row m at q_proj + m * q_stride + q_offset: [Q_HEADS, 2 * HEAD_DIM] bf16 (input);
//           head h's gate = its last HEAD_DIM elements
//   attn:   [rows, Q_HEADS * HEAD_DIM] bf16 (input and output, in place)
//   math: attn[m, h * HEAD_DIM + d] = bf16(attn[m, h * HEAD_DIM + d] * sigmoid(gate[m, h, d])), fp32
//         inside, one rounding (the unfused pair rounds sigmoid(gate) to bf16 first)
//
// Arguments: q_proj, q_stride, q_offset, attn, rows. Stride and offset in elements, multiples of 8.
// Constants: -DQ_HEADS -DKV_HEADS -DHEAD_DIM -DROTARY_DIM, see attention_dims.cuh.
// Launch: block 256; grid = max(1, ceil(rows * Q_HEADS * HEAD_DIM / (8 * 256))) (grid-stride,
// 16-byte vectors); no shared memory.
//
// nvcc-check-defs: -DQ_HEADS=16 -DKV_HEADS=2 -DHEAD_DIM=256 -DROTARY_DIM=64
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=2 -DHEAD_DIM=64 -DROTARY_DIM=16
#include "common.cuh"
#include "attention_dims.cuh"
#include "attn_gate.cuh"

extern "C" __global__ void __launch_bounds__(256) attn_gate_sigmoid_mul_kernel(
        const bf16* __restrict__ q_proj, int q_stride, int q_offset, bf16* __restrict__ attn, int rows) {
    const long long n = (long long)rows * Q_HEADS * ATT_HEAD_VECS;
    const long long stride = (long long)gridDim.x * blockDim.x;
    for (long long v = (long long)blockIdx.x * blockDim.x + threadIdx.x; v < n; v += stride) {
        float g[8], a[8];
        fs_load8(ag_gate(q_proj, q_stride, q_offset, v), g);
        fs_load8(attn + v * 8, a);
#pragma unroll
        for (int j = 0; j < 8; ++j) a[j] *= fs_sigmoid(g[j]);
        fs_store8(attn + v * 8, a);
    }
}

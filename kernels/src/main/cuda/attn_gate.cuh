// attn_gate.cuh: where the attn_gate_* kernels find the output gate. Needs attention_dims.cuh.
#pragma once

// The gate vector (8 elements) that pairs with vector v of a contiguous [rows, Q_HEADS * HEAD_DIM]
// tensor: row m = v / (Q_HEADS * ATT_HEAD_VECS), head h, element d; the q projection row holds per
// head [query | gate], so the gate starts at column q_offset + h * 2 * HEAD_DIM + HEAD_DIM.
__device__ __forceinline__ const bf16* ag_gate(const bf16* q_proj, int q_stride, int q_offset, long long v) {
    const long long row = v / (Q_HEADS * ATT_HEAD_VECS);
    const int in_row = (int)(v % (Q_HEADS * ATT_HEAD_VECS));
    const int head = in_row / ATT_HEAD_VECS;
    const int d = (in_row % ATT_HEAD_VECS) * 8;
    return q_proj + row * q_stride + q_offset + (long long)head * 2 * HEAD_DIM + HEAD_DIM + d;
}

// qk_rmsnorm: the q-norm and k-norm of the gated attention layer (layer step 3) in one launch:
// zero-centred RMSNorm over each head's HEAD_DIM dims, one weight vector for all query heads and
// one for all kv heads. Also makes q and k contiguous (the query part is taken out of the q
// projection's per-head [query | gate] layout; the gate stays where it is for attn_gate_*).
//
//   q_proj: row m at q_proj + m * q_stride + q_offset: [Q_HEADS, 2 * HEAD_DIM] bf16 (input);
//           head h's query = its first HEAD_DIM elements
//   k_proj: row m at k_proj + m * k_stride + k_offset: [KV_HEADS, HEAD_DIM] bf16 (input)
//   q_w, k_w: [HEAD_DIM] bf16 (input), zero-centred: the scale is (1 + w)
//   q_out: [rows, Q_HEADS * HEAD_DIM] bf16 (output); k_out: [rows, KV_HEADS * HEAD_DIM] bf16 (output)
//   math (fp32), per (row, head) vector x of HEAD_DIM: ms = sum_d x[d]^2 / HEAD_DIM;
//        out[d] = bf16(x[d] * rsqrt(ms + eps) * (1 + w[d])), w = q_w for query heads, k_w for kv heads
//
// Arguments: q_proj, q_stride, q_offset, k_proj, k_stride, k_offset, q_w, k_w, q_out, k_out, rows, eps.
// Strides and offsets are in elements and multiples of 8 (16-byte aligned vectors).
// Constants: -DQ_HEADS -DKV_HEADS -DHEAD_DIM (-DROTARY_DIM), see attention_dims.cuh.
// Launch: one warp per (row, head), heads of a row in order q 0..Q_HEADS-1 then k 0..KV_HEADS-1;
// block = 256 threads (8 heads), grid = ceil(rows * (Q_HEADS + KV_HEADS) / 8); no dynamic shared
// memory. Each lane keeps ceil(HEAD_DIM / 256) 16-byte vectors in registers (one at HEAD_DIM 256).
//
// nvcc-check-defs: -DQ_HEADS=16 -DKV_HEADS=2 -DHEAD_DIM=256 -DROTARY_DIM=64
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=2 -DHEAD_DIM=64 -DROTARY_DIM=16
// nvcc-check-defs: -DQ_HEADS=8 -DKV_HEADS=1 -DHEAD_DIM=512 -DROTARY_DIM=128
#include "common.cuh"
#include "attention_dims.cuh"

#define QKN_THREADS 256
#define QKN_VPL ((ATT_HEAD_VECS + FS_WARP - 1) / FS_WARP)

extern "C" __global__ void __launch_bounds__(QKN_THREADS) qk_rmsnorm_kernel(
        const bf16* __restrict__ q_proj, int q_stride, int q_offset,
        const bf16* __restrict__ k_proj, int k_stride, int k_offset,
        const bf16* __restrict__ q_w, const bf16* __restrict__ k_w,
        bf16* __restrict__ q_out, bf16* __restrict__ k_out, int rows, float eps) {
    const int lane = threadIdx.x & 31;
    const long long item = (long long)blockIdx.x * (QKN_THREADS / FS_WARP) + (threadIdx.x >> 5);
    if (item >= (long long)rows * (Q_HEADS + KV_HEADS)) return;  // uniform per warp
    const int row = (int)(item / (Q_HEADS + KV_HEADS));
    const int head = (int)(item % (Q_HEADS + KV_HEADS));
    const bool is_q = head < Q_HEADS;
    const bf16* src = is_q
            ? q_proj + (long long)row * q_stride + q_offset + (long long)head * 2 * HEAD_DIM
            : k_proj + (long long)row * k_stride + k_offset + (long long)(head - Q_HEADS) * HEAD_DIM;
    bf16* dst = is_q ? q_out + ((long long)row * Q_HEADS + head) * HEAD_DIM
                     : k_out + ((long long)row * KV_HEADS + head - Q_HEADS) * HEAD_DIM;
    const bf16* w = is_q ? q_w : k_w;

    float v[QKN_VPL][8];
    float ss = 0.f;
#pragma unroll
    for (int i = 0; i < QKN_VPL; ++i) {
        const int c = lane + i * FS_WARP;
        if (c < ATT_HEAD_VECS) {
            fs_load8(src + c * 8, v[i]);
#pragma unroll
            for (int j = 0; j < 8; ++j) ss = fmaf(v[i][j], v[i][j], ss);
        }
    }
    ss = fs_warp_sum(ss);
    const float inv = rsqrtf(ss / (float)HEAD_DIM + eps);
#pragma unroll
    for (int i = 0; i < QKN_VPL; ++i) {
        const int c = lane + i * FS_WARP;
        if (c < ATT_HEAD_VECS) {
            float g[8];
            fs_load8(w + c * 8, g);
#pragma unroll
            for (int j = 0; j < 8; ++j) g[j] = v[i][j] * inv * (1.f + g[j]);
            fs_store8(dst + c * 8, g);
        }
    }
}

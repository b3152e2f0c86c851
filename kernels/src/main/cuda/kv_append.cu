// kv_append: writes each request's new k and v into its KV cache at its position (layer step 5,
// before decode_attention).
//
//   k_src: row m at k_src + m * k_stride + k_offset: [KV_HEADS, HEAD_DIM] bf16 (input; the roped k)
//   v_src: row m at v_src + m * v_stride + v_offset: [KV_HEADS, HEAD_DIM] bf16 (input; the v projection)
//   k_cache, v_cache: [rows, KV_HEADS, max_context, HEAD_DIM] bf16 (output: one row per (m, kv head)
//           is written; everything else is left as it is)
//   positions: [rows] int32 (input), tokens already cached = where the new token goes
//   math: k_cache[m, h, positions[m], :] = k_src[m, h, :]; v_cache[m, h, positions[m], :] = v_src[m, h, :].
//   A position outside [0, max_context) writes nothing for that request (no out-of-bounds store;
//   decode_attention then writes NaN for it, so the broken length is visible).
//   The kernel does not advance positions: the caller does, once per decode step.
//
// Arguments: k_src, k_stride, k_offset, v_src, v_stride, v_offset, k_cache, v_cache, positions, rows,
// max_context. Strides and offsets are in elements and multiples of 8 (16-byte aligned vectors).
// Constants: -DQ_HEADS -DKV_HEADS -DHEAD_DIM -DROTARY_DIM, see attention_dims.cuh.
// Launch: one thread per 16-byte vector of a (row, kv head) for k and v together: block = 256,
// grid = max(1, ceil(rows * KV_HEADS * HEAD_DIM / 8 / 256)); no shared memory.
//
// nvcc-check-defs: -DQ_HEADS=16 -DKV_HEADS=2 -DHEAD_DIM=256 -DROTARY_DIM=64
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=2 -DHEAD_DIM=64 -DROTARY_DIM=16
#include "common.cuh"
#include "attention_dims.cuh"

extern "C" __global__ void __launch_bounds__(256) kv_append_kernel(
        const bf16* __restrict__ k_src, int k_stride, int k_offset,
        const bf16* __restrict__ v_src, int v_stride, int v_offset,
        bf16* __restrict__ k_cache, bf16* __restrict__ v_cache,
        const int* __restrict__ positions, int rows, int max_context) {
    const long long t = (long long)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= (long long)rows * KV_HEADS * ATT_HEAD_VECS) return;
    const int row = (int)(t / (KV_HEADS * ATT_HEAD_VECS));
    const int head = (int)(t / ATT_HEAD_VECS % KV_HEADS);
    const int c = (int)(t % ATT_HEAD_VECS) * 8;
    const int pos = __ldg(positions + row);
    if (pos < 0 || pos >= max_context) return;
    const long long col = (long long)head * HEAD_DIM + c;
    const long long dst = (((long long)row * KV_HEADS + head) * max_context + pos) * HEAD_DIM + c;
    const uint4 kv = *reinterpret_cast<const uint4*>(k_src + (long long)row * k_stride + k_offset + col);
    const uint4 vv = *reinterpret_cast<const uint4*>(v_src + (long long)row * v_stride + v_offset + col);
    *reinterpret_cast<uint4*>(k_cache + dst) = kv;
    *reinterpret_cast<uint4*>(v_cache + dst) = vv;
}

// rotary_partial: partial rotary position embedding (layer step 4), in place on the contiguous q
// and k that qk_rmsnorm wrote. Only the first ROTARY_DIM dims of every head rotate; the rest of
// each head is left untouched. HuggingFace's rotate_half convention: dim i pairs with i + R/2.
//
//   q: [rows, Q_HEADS * HEAD_DIM]  bf16 (input and output, in place)
//   k: [rows, KV_HEADS * HEAD_DIM] bf16 (input and output, in place)
//   positions: [rows] int32 (input), the position of each row's token (= tokens already cached)
//   math, R = ROTARY_DIM, for i < R/2, all in fp32 as transformers computes cos/sin:
//        inv_freq[i] = 1 / theta^((2i) / R); angle = float(pos) * inv_freq[i];
//        x1 = x[i], x2 = x[i + R/2]:
//        out[i] = bf16(x1 * cos(angle) - x2 * sin(angle)); out[i + R/2] = bf16(x2 * cos(angle) + x1 * sin(angle))
//   (transformers rounds cos/sin and every product to bf16; this kernel keeps them in fp32 and
//   rounds once, as every FuseScope kernel does.)
//
// Arguments: q, k, positions, rows, theta.
// Constants: -DQ_HEADS -DKV_HEADS -DHEAD_DIM -DROTARY_DIM, see attention_dims.cuh.
// Launch: grid = rows (one block per row), block = 128 threads; the block first computes cos/sin of
// its position for the R/2 frequencies into static shared memory (8 * R/2 bytes), then one thread
// per (head, pair) rotates; no dynamic shared memory.
//
// nvcc-check-defs: -DQ_HEADS=16 -DKV_HEADS=2 -DHEAD_DIM=256 -DROTARY_DIM=64
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=2 -DHEAD_DIM=64 -DROTARY_DIM=16
// nvcc-check-defs: -DQ_HEADS=8 -DKV_HEADS=1 -DHEAD_DIM=512 -DROTARY_DIM=128
#include "common.cuh"
#include "attention_dims.cuh"

#define ROPE_THREADS 128
#define ROPE_HALF (ROTARY_DIM / 2)

extern "C" __global__ void __launch_bounds__(ROPE_THREADS) rotary_partial_kernel(
        bf16* __restrict__ q, bf16* __restrict__ k, const int* __restrict__ positions, int rows, float theta) {
    __shared__ float cos_s[ROPE_HALF];
    __shared__ float sin_s[ROPE_HALF];
    const int row = blockIdx.x;
    if (row >= rows) return;  // uniform per block
    const float pos = (float)__ldg(positions + row);
    for (int i = threadIdx.x; i < ROPE_HALF; i += ROPE_THREADS) {
        const float inv_freq = 1.f / powf(theta, (float)(2 * i) / (float)ROTARY_DIM);
        float s, c;
        sincosf(pos * inv_freq, &s, &c);
        cos_s[i] = c;
        sin_s[i] = s;
    }
    __syncthreads();
    for (int t = threadIdx.x; t < (Q_HEADS + KV_HEADS) * ROPE_HALF; t += ROPE_THREADS) {
        const int head = t / ROPE_HALF;
        const int i = t % ROPE_HALF;
        bf16* x = head < Q_HEADS ? q + ((long long)row * Q_HEADS + head) * HEAD_DIM
                                 : k + ((long long)row * KV_HEADS + head - Q_HEADS) * HEAD_DIM;
        const float x1 = fs_ld_bf16(x + i);
        const float x2 = fs_ld_bf16(x + i + ROPE_HALF);
        const float c = cos_s[i];
        const float s = sin_s[i];
        fs_st_bf16(x + i, x1 * c - x2 * s);
        fs_st_bf16(x + i + ROPE_HALF, x2 * c + x1 * s);
    }
}

// decode_attention_combine: merges the per-chunk results of decode_attention_split_kernel into the
// attention output (flash-decoding's second pass).
//
//   part_o:    [rows, Q_HEADS, chunks, HEAD_DIM] fp32 (input), each chunk's softmax-normalized output
//   part_lse:  [rows, Q_HEADS, chunks] fp32 (input), each chunk's base-2 log-sum-exp of its scores
//   positions: [rows] int32 (input), as decode_attention got it: n = positions[m] + 1 keys
//   out:       [rows, Q_HEADS * HEAD_DIM] bf16 (output)
//   math (fp32): used = min(chunks, ceil(n / chunk_size)) chunks hold keys (the others were not
//        written); M = max_c lse_c; w_c = 2^(lse_c - M); out = bf16(sum_c w_c o_c / sum_c w_c).
//   A position outside [0, max_context) writes NaN for that request.
//
// Arguments: part_o, part_lse, positions, out, rows, max_context, chunks, chunk_size.
// Constants: -DQ_HEADS -DKV_HEADS -DHEAD_DIM -DROTARY_DIM, see attention_dims.cuh.
// Launch: grid = (Q_HEADS, rows), one block per (request, query head), block = 128 threads, each
// thread owns dims d = threadIdx.x, threadIdx.x + 128, ... of the head; no shared memory.
//
// nvcc-check-defs: -DQ_HEADS=16 -DKV_HEADS=2 -DHEAD_DIM=256 -DROTARY_DIM=64
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=2 -DHEAD_DIM=64 -DROTARY_DIM=16
#include "common.cuh"
#include "attention_dims.cuh"

#define DAC_THREADS 128

extern "C" __global__ void __launch_bounds__(DAC_THREADS) decode_attention_combine_kernel(
        const float* __restrict__ part_o, const float* __restrict__ part_lse, const int* __restrict__ positions,
        bf16* __restrict__ out, int rows, int max_context, int chunks, int chunk_size) {
    const int head = blockIdx.x;
    const int row = blockIdx.y;
    if (row >= rows) return;  // uniform per block
    bf16* o = out + ((long long)row * Q_HEADS + head) * HEAD_DIM;
    const int pos = __ldg(positions + row);
    if (pos < 0 || pos >= max_context) {
        for (int d = threadIdx.x; d < HEAD_DIM; d += DAC_THREADS) fs_st_bf16(o + d, __int_as_float(0x7fc00000));
        return;
    }
    const long long n = (long long)pos + 1;
    const long long holding_keys = (n + chunk_size - 1) / chunk_size;
    const int used = holding_keys < chunks ? (int)holding_keys : chunks;
    const long long first = ((long long)row * Q_HEADS + head) * chunks;
    float m = FS_NEG_INF;
    for (int c = 0; c < used; ++c) m = fmaxf(m, __ldg(part_lse + first + c));
    for (int d = threadIdx.x; d < HEAD_DIM; d += DAC_THREADS) {
        float acc = 0.f;
        float wsum = 0.f;
        for (int c = 0; c < used; ++c) {
            const float w = exp2f(__ldg(part_lse + first + c) - m);
            acc = fmaf(w, __ldg(part_o + (first + c) * HEAD_DIM + d), acc);
            wsum += w;
        }
        fs_st_bf16(o + d, acc / wsum);
    }
}

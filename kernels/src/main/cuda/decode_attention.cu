// decode_attention: one new query token per request attends over its KV cache (layer step 5):
// grouped-query attention, each kv head serving ATT_GROUP query heads, scale 1/sqrt(HEAD_DIM),
// softmax in fp32. Two entry points:
//   decode_attention_kernel        single pass: one CTA per (request, kv head) over all keys, writes out;
//   decode_attention_split_kernel  flash-decoding: one CTA per (request, kv head, chunk of keys),
//                                  writes the chunk's normalized output and log-sum-exp; then
//                                  decode_attention_combine.cu merges the chunks into out.
// DecodeAttentionKernel (Java) picks one (see AttentionSplit for the rule).
//
//   q:         [rows, Q_HEADS * HEAD_DIM] bf16 (input; normed and roped), query head h = kv head
//              h / ATT_GROUP
//   k_cache, v_cache: [rows, KV_HEADS, max_context, HEAD_DIM] bf16 (input; see attention_dims.cuh)
//   positions: [rows] int32 (input); request m attends keys 0..positions[m] inclusive
//              (n = positions[m] + 1 keys; kv_append has just written key positions[m])
//   out:       [rows, Q_HEADS * HEAD_DIM] bf16 (single pass, output)
//   part_o:    [rows, Q_HEADS, chunks, HEAD_DIM] fp32 (split, output): sum_j p_j v_j / sum_j p_j
//              over the chunk's keys
//   part_lse:  [rows, Q_HEADS, chunks] fp32 (split, output): log2(sum_j 2^(s_j)) over the chunk,
//              s_j = (q . k_j) * scale * log2(e) (base-2 log-sum-exp)
//   math (fp32): s_j = (q . k_j) / sqrt(HEAD_DIM); p = softmax(s) over j < n; out = bf16(sum_j p_j v_j).
//   Chunk c covers keys [c * chunk_size, (c + 1) * chunk_size) clipped to n; the last chunk also
//   takes every key past it, so a position beyond chunks * chunk_size is still attended in full
//   (only slower). A chunk starting at or after n writes nothing (the combine ignores it).
//   A position outside [0, max_context) makes the single pass write NaN for that request (the
//   split writes nothing, and the combine writes the NaN).
//
// Arguments: single: q, k_cache, v_cache, positions, out, rows, max_context.
//            split:  q, k_cache, v_cache, positions, part_o, part_lse, rows, max_context, chunks, chunk_size.
// Constants: -DQ_HEADS -DKV_HEADS -DHEAD_DIM -DROTARY_DIM, see attention_dims.cuh. HEAD_DIM / 8 must be
// a power of two up to 32, or HEAD_DIM = 512; ATT_GROUP a power of two no larger than the lanes that
// share one key row, with ATT_GROUP * dims per lane <= 64 (DecodeAttentionKernel.checkSupported).
// Launch: grid = (chunks, KV_HEADS, rows) (single: chunks = 1), block = 128 threads (4 warps), no
// dynamic shared memory (static: 2 * ATT_GROUP * HEAD_DIM * 4 bytes for the cross-warp merge plus
// the softmax weights; 17.5 KB at Qwen3-Next sizes). At Qwen3-Next sizes ptxas gives 255 registers
// and no spills, so 2 CTAs fit on an SM (AttentionSplit.CTAS_PER_SM).
// Work split: a lane owns HEAD_DIM / (lanes per key) dims of a key row (8 at HEAD_DIM <= 256, one
// 16-byte load), so a warp reads 32 / (lanes per key) keys per step with full coalescing; every
// K and V row is loaded once and used by all ATT_GROUP query heads, which each lane keeps in
// registers (q pre-scaled). Warps take tiles of DA_STEPS steps in turn, keep an online softmax per
// head, and merge through shared memory at the end.
//
// nvcc-check-defs: -DQ_HEADS=16 -DKV_HEADS=2 -DHEAD_DIM=256 -DROTARY_DIM=64
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=2 -DHEAD_DIM=64 -DROTARY_DIM=16
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=1 -DHEAD_DIM=512 -DROTARY_DIM=128
// nvcc-check-defs: -DQ_HEADS=4 -DKV_HEADS=4 -DHEAD_DIM=128 -DROTARY_DIM=64
#include "common.cuh"
#include "attention_dims.cuh"
#include "decode_attention_core.cuh"

extern "C" __global__ void __launch_bounds__(DA_THREADS, 2) decode_attention_kernel(
        const bf16* __restrict__ q, const bf16* __restrict__ k_cache, const bf16* __restrict__ v_cache,
        const int* __restrict__ positions, bf16* __restrict__ out, int rows, int max_context) {
    da_attend<false>(q, k_cache, v_cache, positions, out, nullptr, nullptr, rows, max_context, 1, 0);
}

extern "C" __global__ void __launch_bounds__(DA_THREADS, 2) decode_attention_split_kernel(
        const bf16* __restrict__ q, const bf16* __restrict__ k_cache, const bf16* __restrict__ v_cache,
        const int* __restrict__ positions, float* __restrict__ part_o, float* __restrict__ part_lse, int rows,
        int max_context, int chunks, int chunk_size) {
    da_attend<true>(q, k_cache, v_cache, positions, nullptr, part_o, part_lse, rows, max_context, chunks, chunk_size);
}

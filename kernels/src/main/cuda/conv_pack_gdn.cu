// conv_pack_gdn: fusion `conv_pack_gdn` (layer step 3 in one kernel): the causal conv update + SiLU
// + state shift of causal_conv1d_update, writing q, k, v straight into their contiguous buffers, and
// the z, b, a copies of gdn_split. Same outputs, bit for bit, as causal_conv1d_update + gdn_split
// (both use gdn.cuh); the conv output y never goes through HBM.
//
//   proj:  [tokens, GDN_PROJ_DIM]                bf16 (input), projection rows (q|k|v|z|b|a, gdn.cuh)
//   w:     [GDN_CONV_DIM, CONV_KERNEL]           bf16 (input), depthwise weights, oldest tap first
//   bias:  [GDN_CONV_DIM]                        bf16 (input) or null
//   state: [tokens, GDN_CONV_DIM, CONV_KERNEL-1] bf16 (input and output, in place), oldest first
//   q, k:  [tokens, KEY_HEADS*KEY_DIM]           bf16 (output), after conv + SiLU
//   v:     [tokens, VALUE_HEADS*VALUE_DIM]       bf16 (output), after conv + SiLU
//   z:     [tokens, VALUE_HEADS*VALUE_DIM]       bf16 (output), copied
//   b, a:  [tokens, VALUE_HEADS]                 bf16 (output), copied
//   math: as causal_conv1d_update for q|k|v (x = proj[t, c], c < GDN_CONV_DIM); copies for z, b, a.
//
// Arguments: proj, w, bias, state, q, k, v, z, b, a, tokens.
// Constants: -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM -DCONV_KERNEL (required; VALUE_HEADS % 4 == 0).
// Launch: block 128; grid = tokens * GDN_BLOCKS_PER_ROW, token-major; each thread one work item of
// the row (gdn.cuh): 8 conv channels, a 16-byte z chunk, or one b/a scalar. No shared memory.
// Qwen3-Next: 1024 + 512 + 64 items = 13 blocks per token.
#include "common.cuh"

#if !defined(KEY_HEADS) || !defined(VALUE_HEADS) || !defined(KEY_DIM) || !defined(VALUE_DIM) || !defined(CONV_KERNEL)
#error "conv_pack_gdn.cu needs -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM -DCONV_KERNEL"
#endif
#include "gdn.cuh"

extern "C" __global__ void __launch_bounds__(GDN_THREADS) conv_pack_gdn_kernel(
        const bf16* __restrict__ proj, const bf16* __restrict__ w, const bf16* __restrict__ bias,
        bf16* __restrict__ state, bf16* __restrict__ q, bf16* __restrict__ k, bf16* __restrict__ v,
        bf16* __restrict__ z, bf16* __restrict__ b, bf16* __restrict__ a, int tokens) {
    const long long t = blockIdx.x / GDN_BLOCKS_PER_ROW;
    const int item = (blockIdx.x % GDN_BLOCKS_PER_ROW) * GDN_THREADS + threadIdx.x;
    if (t >= tokens || item >= GDN_ROW_ITEMS) return;
    const bf16* proj_row = proj + t * GDN_PROJ_DIM;
    if (item < GDN_QKV_CHUNKS) {
        const int c0 = item * 8;
        float out[8];
        gdn_conv8(proj_row, w, bias, state + t * GDN_CONV_DIM * GDN_STATE_COLS, c0, out);
        fs_store8(gdn_qkv_destination(q, k, v, t, c0), out);
    } else {
        gdn_copy_zba(proj_row, z, b, a, t, item);
    }
}

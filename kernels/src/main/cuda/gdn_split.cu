// gdn_split: the unfused split/copy after causal_conv1d_update (layer step 3): q, k, v from the
// conv output and z, b, a from the input-projection rows, each into its own contiguous buffer.
//
// ONE kernel for all six outputs, on purpose: it is the strongest unfused baseline (one launch, every
// byte read and written once), so what conv_pack_gdn is measured against is only what fusion saves
// (the y round trip through HBM and one launch), not launch overhead of six copy kernels.
//
//   y:    [tokens, GDN_CONV_DIM] bf16 (input), conv output q|k|v
//   proj: [tokens, GDN_PROJ_DIM] bf16 (input), projection rows (q|k|v|z|b|a, see gdn.cuh)
//   q, k: [tokens, KEY_HEADS*KEY_DIM]     bf16 (output)
//   v, z: [tokens, VALUE_HEADS*VALUE_DIM] bf16 (output)
//   b, a: [tokens, VALUE_HEADS]           bf16 (output)
//   math: copies, no arithmetic.
//
// Arguments: y, proj, q, k, v, z, b, a, tokens.
// Constants: -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM -DCONV_KERNEL (required; VALUE_HEADS % 4 == 0).
// Launch: block 128; grid = tokens * GDN_BLOCKS_PER_ROW, token-major. Each thread one work item of
// the row (gdn.cuh): a 16-byte chunk of q|k|v or z, or one b/a scalar. No shared memory.
#include "common.cuh"

#if !defined(KEY_HEADS) || !defined(VALUE_HEADS) || !defined(KEY_DIM) || !defined(VALUE_DIM) || !defined(CONV_KERNEL)
#error "gdn_split.cu needs -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM -DCONV_KERNEL"
#endif
#include "gdn.cuh"

extern "C" __global__ void __launch_bounds__(GDN_THREADS) gdn_split_kernel(
        const bf16* __restrict__ y, const bf16* __restrict__ proj, bf16* __restrict__ q, bf16* __restrict__ k,
        bf16* __restrict__ v, bf16* __restrict__ z, bf16* __restrict__ b, bf16* __restrict__ a, int tokens) {
    const long long t = blockIdx.x / GDN_BLOCKS_PER_ROW;
    const int item = (blockIdx.x % GDN_BLOCKS_PER_ROW) * GDN_THREADS + threadIdx.x;
    if (t >= tokens || item >= GDN_ROW_ITEMS) return;
    if (item < GDN_QKV_CHUNKS) {
        const int c0 = item * 8;
        *reinterpret_cast<uint4*>(gdn_qkv_destination(q, k, v, t, c0)) =
                *reinterpret_cast<const uint4*>(y + t * GDN_CONV_DIM + c0);
    } else {
        gdn_copy_zba(proj + t * GDN_PROJ_DIM, z, b, a, t, item);
    }
}

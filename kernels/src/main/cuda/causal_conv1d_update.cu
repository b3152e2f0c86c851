// causal_conv1d_update: one decode step of the gated-delta-net causal depthwise conv (layer step 3,
// unfused path; gdn_split then makes q, k, v, z, b, a contiguous).
//
//   proj:  [tokens, GDN_PROJ_DIM]                bf16 (input), input-projection rows
//                                                (q|k|v|z|b|a, see gdn.cuh); the conv reads q|k|v
//   w:     [GDN_CONV_DIM, CONV_KERNEL]           bf16 (input), depthwise weights, oldest tap first
//   bias:  [GDN_CONV_DIM]                        bf16 (input) or null (Qwen3-Next has none)
//   state: [tokens, GDN_CONV_DIM, CONV_KERNEL-1] bf16 (input and output, in place), per request,
//                                                the last W-1 inputs, oldest first
//   y:     [tokens, GDN_CONV_DIM]                bf16 (output), contiguous q|k|v after the conv
//   math (fp32, fmaf in this order): for c < GDN_CONV_DIM, x = proj[t, c]:
//     y[t,c] = bf16(silu(bias[c] + sum_{i<W-1} state[t,c,i] * w[c,i] + x * w[c,W-1]));
//     state[t,c,:] = (state[t,c,1], ..., state[t,c,W-2], x)   (exact: bf16 values moved)
//
// Arguments: proj, w, bias, state, y, tokens.
// Constants: -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM -DCONV_KERNEL (required; VALUE_HEADS % 4 == 0).
// Launch: block 128 threads, each owns 8 channels (16-byte loads and stores of x, y, the state's
// W-1 vectors and the weights' W vectors); grid = tokens * ceil(GDN_CONV_DIM / 8 / 128), token-major.
// No shared memory. Qwen3-Next: 8192 channels = 8 blocks per token.
#include "common.cuh"

#if !defined(KEY_HEADS) || !defined(VALUE_HEADS) || !defined(KEY_DIM) || !defined(VALUE_DIM) || !defined(CONV_KERNEL)
#error "causal_conv1d_update.cu needs -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM -DCONV_KERNEL"
#endif
#include "gdn.cuh"

#define CONV_BLOCKS_PER_ROW ((GDN_QKV_CHUNKS + GDN_THREADS - 1) / GDN_THREADS)

extern "C" __global__ void __launch_bounds__(GDN_THREADS) causal_conv1d_update_kernel(
        const bf16* __restrict__ proj, const bf16* __restrict__ w, const bf16* __restrict__ bias,
        bf16* __restrict__ state, bf16* __restrict__ y, int tokens) {
    const long long t = blockIdx.x / CONV_BLOCKS_PER_ROW;
    const int chunk = (blockIdx.x % CONV_BLOCKS_PER_ROW) * GDN_THREADS + threadIdx.x;
    if (t >= tokens || chunk >= GDN_QKV_CHUNKS) return;
    const int c0 = chunk * 8;
    float out[8];
    gdn_conv8(proj + t * GDN_PROJ_DIM, w, bias, state + t * GDN_CONV_DIM * GDN_STATE_COLS, c0, out);
    fs_store8(y + t * GDN_CONV_DIM + c0, out);
}

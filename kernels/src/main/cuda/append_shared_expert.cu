// append_shared_expert: route every token to the shared expert as one more slot (fusion
// `shared_as_expert`). The shared expert's weights are stored as expert `shared_id` (= E) of
// W13/W2, so the grouped GEMMs and moe_sum_reduce handle it like any routed expert.
//
//   ids_in:      [tokens, topk]     int32 (input), from topk_softmax
//   weights_in:  [tokens, topk]     fp32  (input)
//   gate:        [tokens, 1]        bf16 or fp32 (input; gate_is_fp32 says which), the shared-expert
//                                   gate logit g = y . Wsg
//   ids_out:     [tokens, topk + 1] int32 (output): slots 0..topk-1 copied, slot topk = shared_id
//   weights_out: [tokens, topk + 1] fp32  (output): slots copied, slot topk = sigmoid(g[t]) (fp32)
//
// Arguments: ids_in, weights_in, gate, gate_is_fp32, ids_out, weights_out, rows, topk, shared_id.
// Constants: none.
// Launch: block 256, grid = max(1, ceil(rows * (topk + 1) / 256)), one thread per output slot; no
// dynamic shared memory.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) append_shared_expert_kernel(
        const int* __restrict__ ids_in, const float* __restrict__ weights_in, const void* __restrict__ gate,
        int gate_is_fp32, int* __restrict__ ids_out, float* __restrict__ weights_out, int rows, int topk,
        int shared_id) {
    const int kp = topk + 1;
    const long long n = (long long)rows * kp;
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < n;
            i += (long long)gridDim.x * blockDim.x) {
        const long long t = i / kp;
        const int k = (int)(i - t * kp);
        if (k < topk) {
            ids_out[i] = ids_in[t * topk + k];
            weights_out[i] = weights_in[t * topk + k];
        } else {
            const float g = gate_is_fp32 ? static_cast<const float*>(gate)[t]
                                         : __bfloat162float(static_cast<const bf16*>(gate)[t]);
            ids_out[i] = shared_id;
            weights_out[i] = 1.f / (1.f + expf(-g));
        }
    }
}

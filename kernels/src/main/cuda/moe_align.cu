// moe_align: build the per-expert slot tables the grouped GEMMs walk (MoE step 5, unfused path).
//
//   ids:               [num_slots]              int32 (input), num_slots = tokens * K', slot
//                                               s = t*K' + k holds expert ids[s] (K' = K or K + 1)
//   weights:           [num_slots]              fp32  (input), routing weight of each slot
//   count:             [num_experts]            int32 (in/out): MUST be zeroed before the launch
//                                               (zero_counts_kernel on the same stream); on exit
//                                               count[e] = number of slots routed to e
//   expert_to_tokens:  [num_experts, num_slots] int32 (output): row e, entries 0..count[e)-1 are
//                                               the slots s routed to e
//   expert_to_weights: [num_experts, num_slots] fp32  (output): weights[s] at the same position
//   math: for each slot s, e = ids[s]: pos = atomicAdd(&count[e], 1);
//         expert_to_tokens[e*num_slots + pos] = s; expert_to_weights[e*num_slots + pos] = weights[s].
//   The order inside an expert's row is whatever the atomics produced (not deterministic); the
//   grouped GEMMs do not depend on it because they write by slot. Out-of-range ids are skipped
//   (the runner's check sum(count) == num_slots then reports them).
//
// Arguments: ids, weights, count, expert_to_tokens, expert_to_weights, num_slots, num_experts.
// Constants: none.
// Launch: block 256, grid = max(1, ceil(num_slots / 256)) (grid-stride, any grid >= 1 works); no
// dynamic shared memory. Preceded by zero_counts_kernel.
//
// zero_counts: count[e] = 0 for e < num_experts, the zeroing LightLLM's torch.zeros does with a fill
// kernel. A kernel, not cuMemsetD32Async: under CUPTI a traced memset costs the step about 1.4 us (graph)
// to 1.8 us (eager) on the H100, a traced kernel about 0.45 us (docs/performance.md, tracing cost).
// Arguments: count, num_experts. Launch: block 256, grid = max(1, ceil(num_experts / 256)) (grid-stride).
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) zero_counts_kernel(int* __restrict__ count, int num_experts) {
    for (int e = blockIdx.x * blockDim.x + threadIdx.x; e < num_experts; e += gridDim.x * blockDim.x) count[e] = 0;
}

extern "C" __global__ void __launch_bounds__(256) moe_align_kernel(
        const int* __restrict__ ids, const float* __restrict__ weights, int* __restrict__ count,
        int* __restrict__ expert_to_tokens, float* __restrict__ expert_to_weights, int num_slots,
        int num_experts) {
    for (int s = blockIdx.x * blockDim.x + threadIdx.x; s < num_slots; s += gridDim.x * blockDim.x) {
        const int e = ids[s];
        if ((unsigned)e >= (unsigned)num_experts) continue;
        const int pos = atomicAdd(count + e, 1);
        const long long at = (long long)e * num_slots + pos;
        expert_to_tokens[at] = s;
        expert_to_weights[at] = weights[s];
    }
}

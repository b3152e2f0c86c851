// moe_align_fused_nobarrier: THE BROKEN VARIANT, FOR DEMONSTRATIONS ONLY. NEVER USE IT FOR RESULTS.
//
// *************************************************************************************************
// * This is moe_align_fused WITHOUT the __syncthreads between zeroing the counts and the atomics.  *
// * Warps of one block are scheduled independently, so warp A can run its atomicAdd(&count[e], 1) *
// * BEFORE warp B executes its count[e] = 0 store: the increment is overwritten and lost. Then     *
// * sum(count) < num_slots, some slots never reach an expert table (their h1/h2 rows are garbage), *
// * and two slots of one expert may share a table position. This is the critical finding of the   *
// * seed review of LightLLM PR #1353 (their Triton kernel lacked tl.debug_barrier()). FuseScope    *
// * launches it only to show that the runner's invariant check (sum(count) == tokens * K', every  *
// * slot exactly once) catches the race. Whether a given launch loses counts depends on warp      *
// * scheduling: it may pass many times and then fail.                                             *
// *************************************************************************************************
//
//   ids:               [num_slots]              int32 (input), slot s = t*K' + k
//   weights:           [num_slots]              fp32  (input)
//   count:             [num_experts]            int32 (output; zeroed by the kernel when grid = 1)
//   expert_to_tokens:  [num_experts, num_slots] int32 (output), see moe_align.cu
//   expert_to_weights: [num_experts, num_slots] fp32  (output)
//   math: as moe_align: for each slot s, e = ids[s]: pos = atomicAdd(&count[e], 1);
//         expert_to_tokens[e*num_slots + pos] = s; expert_to_weights[e*num_slots + pos] = weights[s].
//
// Arguments: ids, weights, count, expert_to_tokens, expert_to_weights, num_slots, num_experts.
// Constants: none.
// Launch: grid = 1, block = 1024 (the race needs several warps in one block; with grid > 1 it is
// the same as moe_align_fused, since then the host zeroes the counts). No dynamic shared memory.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(1024) moe_align_fused_nobarrier_kernel(
        const int* __restrict__ ids, const float* __restrict__ weights, int* __restrict__ count,
        int* __restrict__ expert_to_tokens, float* __restrict__ expert_to_weights, int num_slots,
        int num_experts) {
    if (gridDim.x == 1) {  // uniform over the block
        for (int e = threadIdx.x; e < num_experts; e += blockDim.x) count[e] = 0;
        // (deliberately NO __syncthreads here: the race under demonstration)
    }
    for (int s = blockIdx.x * blockDim.x + threadIdx.x; s < num_slots; s += gridDim.x * blockDim.x) {
        const int e = ids[s];
        if ((unsigned)e >= (unsigned)num_experts) continue;
        const int pos = atomicAdd(count + e, 1);
        const long long at = (long long)e * num_slots + pos;
        expert_to_tokens[at] = s;
        expert_to_weights[at] = weights[s];
    }
}

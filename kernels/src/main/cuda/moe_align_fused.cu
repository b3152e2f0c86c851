// moe_align_fused: moe_align without the separate memset (fusion `moe_align_fused`).
//
// Single-block path (gridDim.x == 1): the block zeroes count[0..num_experts) itself, then a
// block-wide barrier (__syncthreads) makes those stores visible to every warp of the block, then
// the atomics run. The barrier is what makes this correct: without it a slow warp can still be
// zeroing count[e] after a fast warp has incremented it, and that count is lost (the race of the
// seed review of LightLLM PR #1353; see moe_align_fused_nobarrier.cu). A __syncthreads cannot
// order other blocks, so:
// Multi-block path (gridDim.x > 1): the kernel does NOT zero anything; moe_align_zero_counts_kernel
// (below) zeroes count on the same stream first, as zero_counts_kernel does for moe_align.
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
// Launch: when num_slots is small (at most 8192; the Java wrapper takes this path up to 1024 slots,
// above which one block's atomics are slower than memset + moe_align): grid = 1, block = 1024
// (the block strides over all slots; nothing to zero first). Otherwise: moe_align_zero_counts_kernel,
// then block 256, grid = ceil(num_slots / 256). No dynamic shared memory.
//
// moe_align_zero_counts_kernel: count[e] = 0 for e < num_experts, before the multi-block path. A kernel,
// not a memset: a memset node ends a chain of programmatic launches, and CUPTI's memset record costs a
// traced step more than a kernel's. Arguments: count, num_experts. Launch: block 256, grid =
// max(1, ceil(num_experts / 256)) (grid-stride).
//
// moe_align_shared_counts_kernel (switch `align_shared_counts`, with `moe_align_fused`; small
// batches): the single-block path with the counts in SHARED memory. The block zeroes
// counts[0..num_experts) in shared memory, barrier, then per slot pos = atomicAdd on the shared
// count (no round trip to L2 before the table stores), barrier, then stores every count[e] (so
// nothing is zeroed in global memory and no memset is needed). Same arguments, same tables (the
// order inside an expert's row is again whatever the atomics produced), same invariants.
// Launch: grid = 1, block = min(1024, max(256, 32 * ceil(num_slots / 32))) (any block size that is a
// multiple of 32 works: the block strides), dynamic shared memory = 4 * num_experts bytes.
#include "common.cuh"

extern "C" __global__ void __launch_bounds__(256) moe_align_zero_counts_kernel(int* __restrict__ count,
                                                                               int num_experts) {
    fs_pdl_wait();  // the counts were read by the grouped GEMMs before
    fs_pdl_launch_dependents();
    for (int e = blockIdx.x * blockDim.x + threadIdx.x; e < num_experts; e += gridDim.x * blockDim.x) count[e] = 0;
}

extern "C" __global__ void __launch_bounds__(1024) moe_align_fused_kernel(
        const int* __restrict__ ids, const float* __restrict__ weights, int* __restrict__ count,
        int* __restrict__ expert_to_tokens, float* __restrict__ expert_to_weights, int num_slots,
        int num_experts) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    if (gridDim.x == 1) {  // uniform over the block
        for (int e = threadIdx.x; e < num_experts; e += blockDim.x) count[e] = 0;
        __syncthreads();  // all zero stores land before any atomicAdd of any warp
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

extern "C" __global__ void __launch_bounds__(1024) moe_align_shared_counts_kernel(
        const int* __restrict__ ids, const float* __restrict__ weights, int* __restrict__ count,
        int* __restrict__ expert_to_tokens, float* __restrict__ expert_to_weights, int num_slots,
        int num_experts) {
    fs_pdl_wait();  // see common.cuh: nothing before it reads what earlier kernels write
    fs_pdl_launch_dependents();
    extern __shared__ int counts[];  // [num_experts]
    const int first = threadIdx.x;
    const int first_e = first < num_slots ? ids[first] : -1;  // loaded before the barrier: overlaps it
    const float first_w = first < num_slots ? weights[first] : 0.f;
    for (int e = threadIdx.x; e < num_experts; e += blockDim.x) counts[e] = 0;
    __syncthreads();  // every zero lands before any atomicAdd
    for (int s = first; s < num_slots; s += blockDim.x) {
        const int e = s == first ? first_e : ids[s];
        if ((unsigned)e >= (unsigned)num_experts) continue;
        const int pos = atomicAdd(counts + e, 1);
        const long long at = (long long)e * num_slots + pos;
        expert_to_tokens[at] = s;
        expert_to_weights[at] = s == first ? first_w : weights[s];
    }
    __syncthreads();  // every atomicAdd lands before the counts are read
    for (int e = threadIdx.x; e < num_experts; e += blockDim.x) count[e] = counts[e];
}

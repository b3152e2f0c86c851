// common.cuh: shared device helpers for every FuseScope kernel.
//
// Included by every <op>.cu as `#include "common.cuh"`. NVRTC has no file system view of the jar,
// so the Java layer passes this file as a named header (nvrtcCreateProgram headers/includeNames,
// name "common.cuh"); nvcc finds it next to the .cu file.
//
// NVRTC-safe on purpose: no <cstdio>, <cstdlib>, <stdint.h>, no host code. Only <cuda_bf16.h>,
// which NVRTC 13 ships.
//
// Conventions used by all kernels:
//   - storage is bf16 (__nv_bfloat16), every accumulation is fp32;
//   - bf16 -> fp32 is exact; fp32 -> bf16 is round-to-nearest-even (__float2bfloat16_rn), which the
//     Java references mirror with Bf16Round;
//   - "vec8" = 8 bf16 = 16 bytes = one uint4 load/store; used when the row length is a multiple of
//     8, so every row start is 16-byte aligned (allocations are 256-byte aligned).
#pragma once

#include <cuda_bf16.h>

typedef unsigned int fs_u32;
typedef unsigned long long fs_u64;
typedef __nv_bfloat16 bf16;
typedef __nv_bfloat162 bf162;

#define FS_WARP 32
#define FS_FULL_MASK 0xffffffffu
// -infinity without <math.h>'s INFINITY (NVRTC does not define it)
#define FS_NEG_INF __int_as_float(0xff800000)

// ---- bf16 scalar and 8-wide vector helpers -------------------------------------------------

__device__ __forceinline__ float fs_ld_bf16(const bf16* p) { return __bfloat162float(*p); }

__device__ __forceinline__ void fs_st_bf16(bf16* p, float v) { *p = __float2bfloat16_rn(v); }

// 8 bf16 packed in a uint4 -> 8 floats (exact).
__device__ __forceinline__ void fs_unpack8(const uint4 v, float (&f)[8]) {
    const bf162* h = reinterpret_cast<const bf162*>(&v);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        const float2 t = __bfloat1622float2(h[i]);
        f[2 * i] = t.x;
        f[2 * i + 1] = t.y;
    }
}

// 8 floats -> 8 bf16 (round to nearest even) packed in a uint4.
__device__ __forceinline__ uint4 fs_pack8(const float (&f)[8]) {
    uint4 v;
    bf162* h = reinterpret_cast<bf162*>(&v);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        h[i] = __floats2bfloat162_rn(f[2 * i], f[2 * i + 1]);
    }
    return v;
}

// 16-byte loads/stores; p must be 16-byte aligned.
__device__ __forceinline__ void fs_load8(const bf16* p, float (&f)[8]) {
    fs_unpack8(*reinterpret_cast<const uint4*>(p), f);
}

__device__ __forceinline__ void fs_store8(bf16* p, const float (&f)[8]) {
    *reinterpret_cast<uint4*>(p) = fs_pack8(f);
}

// Read-once streaming load (weights): evict-first, keeps activations resident in L2.
__device__ __forceinline__ uint4 fs_load_stream16(const bf16* p) {
    return __ldcs(reinterpret_cast<const uint4*>(p));
}

// Read-only path load for data many warps re-read (activations).
__device__ __forceinline__ uint4 fs_load_ro16(const bf16* p) {
    return __ldg(reinterpret_cast<const uint4*>(p));
}

// acc + the fp32 dot of 8 bf16 pairs, one FMA chain continuing acc.
__device__ __forceinline__ float fs_fma8(const uint4 a, const uint4 b, float acc) {
    const bf162* ha = reinterpret_cast<const bf162*>(&a);
    const bf162* hb = reinterpret_cast<const bf162*>(&b);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        const float2 x = __bfloat1622float2(ha[i]);
        const float2 y = __bfloat1622float2(hb[i]);
        acc = fmaf(x.x, y.x, acc);
        acc = fmaf(x.y, y.y, acc);
    }
    return acc;
}

// fp32 dot of 8 bf16 pairs.
__device__ __forceinline__ float fs_dot8(const uint4 a, const uint4 b) { return fs_fma8(a, b, 0.f); }

// ---- math ---------------------------------------------------------------------------------

__device__ __forceinline__ float fs_sigmoid(float x) { return 1.f / (1.f + __expf(-x)); }

__device__ __forceinline__ float fs_silu(float x) { return x / (1.f + __expf(-x)); }

// ---- reductions ---------------------------------------------------------------------------

// Sum over the 32 lanes; every lane gets the result. The whole warp must be active.
__device__ __forceinline__ float fs_warp_sum(float v) {
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(FS_FULL_MASK, v, o);
    return v;
}

__device__ __forceinline__ float fs_warp_max(float v) {
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(FS_FULL_MASK, v, o));
    return v;
}

// Sum over the block; every thread gets the result. blockDim.x must be a multiple of 32 (at most
// 1024) and every thread of the block must call it. scratch: __shared__ float[32].
__device__ __forceinline__ float fs_block_sum(float v, float* scratch) {
    const int lane = threadIdx.x & 31;
    const int warp = threadIdx.x >> 5;
    const int nwarps = blockDim.x >> 5;
    v = fs_warp_sum(v);
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    float t = lane < nwarps ? scratch[lane] : 0.f;
    t = fs_warp_sum(t);
    __syncthreads();  // scratch may be reused right after
    return t;
}

// ---- MoE: active-expert compaction (grouped GEMMs) ------------------------------------------

// Writes the ids of the experts with count > 0, in increasing id order, to active[0..n), their
// counts to active_cnt[0..n), and returns n to every thread. count: [num_experts] int32 (global).
// active, active_cnt: shared, >= num_experts ints each. warp_tot: shared, 32 ints. blockDim.x must
// be a multiple of 32 and every thread of the block must call it.
__device__ __forceinline__ int fs_compact_active_experts(
        const int* count, int num_experts, int* active, int* active_cnt, int* warp_tot) {
    const int lane = threadIdx.x & 31;
    const int warp = threadIdx.x >> 5;
    const int nwarps = blockDim.x >> 5;
    int base = 0;
    for (int start = 0; start < num_experts; start += blockDim.x) {
        const int e = start + threadIdx.x;
        const int c = e < num_experts ? __ldg(count + e) : 0;
        const bool on = c > 0;
        const fs_u32 ballot = __ballot_sync(FS_FULL_MASK, on);
        if (lane == 0) warp_tot[warp] = __popc(ballot);
        __syncthreads();
        int before = 0, total = 0;
        for (int w = 0; w < nwarps; ++w) {
            const int n = warp_tot[w];
            before += w < warp ? n : 0;
            total += n;
        }
        if (on) {
            const int at = base + before + __popc(ballot & ((1u << lane) - 1u));
            active[at] = e;
            active_cnt[at] = c;
        }
        base += total;
        __syncthreads();
    }
    return base;
}

// Programmatic dependent launch (sm_90+; launches with the programmatic-serialization attribute, switch pdl).
// Such a kernel may start while the kernel before it on the stream is still running. fs_pdl_wait() blocks
// until that kernel has completed and its writes are visible (a no-op below sm_90 and for a normal launch).
// The rule every kernel that may be launched so keeps: no global write, and no read of anything an earlier
// kernel writes, before fs_pdl_wait() -- except reads of data written two or more kernels back (tables,
// routing), which are safe because every kernel calls fs_pdl_launch_dependents() only after its own wait,
// and reads of constant weights. fs_pdl_launch_dependents() lets the next kernel start launching.
__device__ __forceinline__ void fs_pdl_wait() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
    asm volatile("griddepcontrol.wait;" ::: "memory");
#endif
}
__device__ __forceinline__ void fs_pdl_launch_dependents() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
    asm volatile("griddepcontrol.launch_dependents;" :::);
#endif
}

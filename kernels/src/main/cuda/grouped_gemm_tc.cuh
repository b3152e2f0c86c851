// The tensor-core grouped GEMM shared by grouped_gemm1_tc_kernel and grouped_gemm2_tc_kernel:
//   out[s, n] = bf16(scale(s) * sum_k x[row(s), k] * W[e, n, k]) for every active expert e, every
//   slot s in its list and every output row n < NROWS; fp32 accumulate (mma.sync, sm_80+).
//
// Why: the CUDA-core kernels do one warp-reduced dot product per (weight row, slot). Past ~4 slots
// per expert that instruction stream, not HBM, is the limit (60 % of copy bandwidth at M = 256), and
// the shared expert as expert E brings M slots of its own. Tensor cores make the slots nearly free.
//
// Work item = (active expert, group of 8 consecutive output rows), handed to warps like the CUDA-core
// kernels do (block-contiguous, persistent grid). One m16n8k16 MMA multiplies 16 slots' activations
// (A, row-major [slot][k]) by 8 weight rows (B, "col" = stored [n][k], i.e. weight rows as they lie
// in memory) over 16 k. A warp keeps 32 slots (2 A tiles) per pass and streams its 8 rows once per
// pass (pass 2+ only for experts with more than 32 slots; their rows then come from L2). (4 tiles per
// pass for experts with >= 64 slots made those items ~3x longer — activation loads, not weights, set
// an item's length — and the warps holding them finished last: H100, M = 64, +50 us; reverted.)
//
// K permutation: the sum over k does not care about order, so each thread loads 16 contiguous bytes
// (8 k) per row per 32-k chunk and feeds them to two MMAs: thread (g = lane/4, q = lane%4) holds
// physical k = c*32 + q*8 + {0..7}; MMA 1 uses elements {0,1} as logical k q*2+{0,1} and {2,3} as
// logical k q*2+8+{0,1}, MMA 2 elements {4..7} likewise — the same map for A and B, so products pair.
// Fragments (PTX ISA, m16n8k16 .bf16): a0 = (row g, k 2q..), a1 = (row g+8, k 2q..), a2 = (row g,
// k 2q+8..), a3 = (row g+8, k 2q+8..); b0 = (k 2q.., col g), b1 = (k 2q+8.., col g); d0,d1 = (row g,
// cols 2q, 2q+1), d2,d3 = (row g+8, same cols). Rows of A and D are slots, cols are weight rows.
#pragma once
#include "grouped_gemm_rows.cuh"

#define TC_THREADS 256
#define TC_WARPS (TC_THREADS / 32)
#define TC_ROWS 8        // output rows per warp item (the MMA's N)
#define TC_TILES 2       // 16-slot A tiles per pass
#define TC_UNROLL 8      // 32-k chunks of weights in flight per thread (8 x 16 B)

__device__ __forceinline__ void fs_mma_bf16(float (&d)[4], unsigned a0, unsigned a1, unsigned a2, unsigned a3,
                                            unsigned b0, unsigned b1) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
        "{%0,%1,%2,%3};\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
        : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(b0), "r"(b1));
#else
    __trap();  // the tensor-core path needs sm_80 or newer; the host side picks the CUDA-core path there
#endif
}

// One tensor-core item: 8 output rows row0.. of expert e for slots first..first+16*TILES-1 of its cnt
// (an expert with more slots has one item per 16*TILES: they run in parallel on several warps, the
// rows coming from L2 after the first).
template <int KDIM, int NROWS, bool GATHER, bool SCALED, int TILES>
__device__ __forceinline__ void fs_gg_tc_item(const bf16* __restrict__ x, const bf16* __restrict__ w,
                                              const int* __restrict__ list, const float* __restrict__ weights,
                                              bf16* __restrict__ out, int e, int cnt, int row0, int topk,
                                              int first) {
    constexpr int CHUNKS = KDIM / 32;
    const int lane = threadIdx.x & 31;
    const int g = lane >> 2;
    const int q = lane & 3;
    const bf16* wrow = w + ((long long)e * NROWS + row0 + g) * KDIM + q * 8;
    const bool reread = cnt > 16 * TILES;  // several items read these rows: keep them in L2
    {
        const int base = first;
        // this thread's A rows: slots base + t*16 + g and + 8 (null past the list: zeros)
        const bf16* xr[TILES][2];
        int slot[TILES][2];
#pragma unroll
        for (int t = 0; t < TILES; ++t) {
#pragma unroll
            for (int h = 0; h < 2; ++h) {
                const int i = base + t * 16 + h * 8 + g;
                slot[t][h] = i < cnt ? __ldg(list + i) : -1;
                xr[t][h] = slot[t][h] < 0 ? nullptr
                                          : x + (long long)(GATHER ? slot[t][h] / topk : slot[t][h]) * KDIM + q * 8;
            }
        }
        float acc[TILES][4];
#pragma unroll
        for (int t = 0; t < TILES; ++t) {
            acc[t][0] = acc[t][1] = acc[t][2] = acc[t][3] = 0.f;
        }
        for (int c0 = 0; c0 < CHUNKS; c0 += TC_UNROLL) {
            uint4 wv[TC_UNROLL];
#pragma unroll
            for (int u = 0; u < TC_UNROLL; ++u) {
                if (CHUNKS % TC_UNROLL == 0 || c0 + u < CHUNKS) {
                    wv[u] = reread ? fs_load_ro16(wrow + (c0 + u) * 32) : fs_load_stream16(wrow + (c0 + u) * 32);
                }
            }
#pragma unroll
            for (int u = 0; u < TC_UNROLL; ++u) {
                if (CHUNKS % TC_UNROLL == 0 || c0 + u < CHUNKS) {
#pragma unroll
                    for (int t = 0; t < TILES; ++t) {
                        if (t * 16 + base < cnt) {
                            const uint4 zero = make_uint4(0u, 0u, 0u, 0u);
                            const uint4 lo = xr[t][0] ? fs_load_ro16(xr[t][0] + (c0 + u) * 32) : zero;
                            const uint4 hi = xr[t][1] ? fs_load_ro16(xr[t][1] + (c0 + u) * 32) : zero;
                            fs_mma_bf16(acc[t], lo.x, hi.x, lo.y, hi.y, wv[u].x, wv[u].y);
                            fs_mma_bf16(acc[t], lo.z, hi.z, lo.w, hi.w, wv[u].z, wv[u].w);
                        }
                    }
                }
            }
        }
#pragma unroll
        for (int t = 0; t < TILES; ++t) {
#pragma unroll
            for (int h = 0; h < 2; ++h) {
                const int s = slot[t][h];
                if (s >= 0) {
                    float v0 = acc[t][2 * h];
                    float v1 = acc[t][2 * h + 1];
                    if (SCALED) {
                        const float scale = __ldg(weights + base + t * 16 + h * 8 + g);
                        v0 *= scale;
                        v1 *= scale;
                    }
                    *reinterpret_cast<bf162*>(out + (long long)s * NROWS + row0 + 2 * q) = __floats2bfloat162_rn(v0, v1);
                }
            }
        }
    }
}

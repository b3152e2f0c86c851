// gated_delta_rule: one decode step of the fused recurrent gated delta rule (gated-delta-net layer
// step 4), per (request t, value head h), the fp32 state updated in place.
//
//   q, k:    [tokens, KEY_HEADS*KEY_DIM]                  bf16 (input), after the conv
//   v:       [tokens, VALUE_HEADS*VALUE_DIM]              bf16 (input), after the conv
//   a, b:    [tokens, VALUE_HEADS]                        bf16 (input), gate inputs
//   A_log:   [VALUE_HEADS]                                fp32 (input)
//   dt_bias: [VALUE_HEADS]                                fp32 (input)
//   state:   [tokens, VALUE_HEADS, KEY_DIM, VALUE_DIM]     fp32 (input and output, in place), S[i, j]
//   o:       [tokens, VALUE_HEADS*VALUE_DIM]              bf16 (output)
//   math (fp32), kh = h / (VALUE_HEADS / KEY_HEADS) the key head of value head h:
//     q^ = q[t,kh] * rsqrt(sum q[t,kh]^2 + eps) * KEY_DIM^-0.5;  k^ = k[t,kh] * rsqrt(sum k[t,kh]^2 + eps)
//     g = -exp(A_log[h]) * softplus(a[t,h] + dt_bias[h])   (softplus(x) = x above 20, as torch)
//     beta = sigmoid(b[t,h])
//     S = S * exp(g);  v'[j] = beta * (v[t,h,j] - sum_i S[i,j] k^[i]);  S[i,j] += k^[i] * v'[j]
//     o[t,h,j] = bf16(sum_i S[i,j] q^[i])
//
// Work split: every column j of S evolves on its own (the sums run over the key rows i), so the
// state is cut into 16-column tiles, one warp per tile. Within the warp, lane = cg + 4*rs: cg picks
// 4 adjacent columns (one float4), rs one of 8 row slices, rows i = rs + 8n. One warp instruction
// thus reads 8 rows x 64 contiguous bytes, and each lane keeps its KEY_DIM/8 float4 (Qwen3-Next: 16,
// 64 registers) of S in registers between the read and the write: S crosses HBM exactly once each
// way, the floor for this op (Qwen3-Next: 2 MiB read + 2 MiB written per request). The column sums
// are xor-shuffles over the 8 row slices. The state loads are issued first, so their latency
// overlaps the q/k normalisation; state traffic uses evict-first loads/stores (read once, written
// once) to keep q, k, v in L2.
// A block is GDR_WARPS warps (tiles) of one (t, h); its threads normalise q and k once into shared
// memory. Qwen3-Next: 8 tiles per head, 2 warps per block, 4 blocks per (t, h): 128 blocks at
// tokens = 1 (about one per SM), 32768 at tokens = 256.
//
// Arguments: q, k, v, a, b, A_log, dt_bias, state, o, tokens, eps (the q/k L2-norm epsilon, 1e-6).
// Constants: -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM (required; VALUE_DIM % 16 == 0).
// Launch: block GDR_WARPS * 32 threads (64 when VALUE_DIM >= 32); grid = tokens * VALUE_HEADS *
// (VALUE_DIM / 16 / GDR_WARPS), ordered (t, h, tile group) with the tile group fastest. Static
// shared memory 2 * KEY_DIM floats + 32 floats.
#include "common.cuh"

#if !defined(KEY_HEADS) || !defined(VALUE_HEADS) || !defined(KEY_DIM) || !defined(VALUE_DIM)
#error "gated_delta_rule.cu needs -DKEY_HEADS -DVALUE_HEADS -DKEY_DIM -DVALUE_DIM"
#endif
static_assert(VALUE_HEADS % KEY_HEADS == 0, "VALUE_HEADS must be a multiple of KEY_HEADS");
static_assert(KEY_DIM % 8 == 0, "KEY_DIM must be a multiple of 8 (8 row slices per warp)");
static_assert(VALUE_DIM % 16 == 0, "VALUE_DIM must be a multiple of 16 (16-column tiles)");

#define GDR_TILES (VALUE_DIM / 16)
#define GDR_WARPS (GDR_TILES % 2 == 0 ? 2 : 1)
#define GDR_THREADS (GDR_WARPS * 32)
#define GDR_GROUPS (GDR_TILES / GDR_WARPS)
#define GDR_ROWS (KEY_DIM / 8)
#define GDR_HEAD_RATIO (VALUE_HEADS / KEY_HEADS)

__device__ __forceinline__ float gdr_softplus(float x) { return x > 20.f ? x : log1pf(expf(x)); }

// Sum over the 8 row slices (lane bits 2..4); every lane gets its column group's sum.
__device__ __forceinline__ float4 gdr_sum_rows(float4 v) {
#pragma unroll
    for (int o = 4; o < 32; o <<= 1) {
        v.x += __shfl_xor_sync(FS_FULL_MASK, v.x, o);
        v.y += __shfl_xor_sync(FS_FULL_MASK, v.y, o);
        v.z += __shfl_xor_sync(FS_FULL_MASK, v.z, o);
        v.w += __shfl_xor_sync(FS_FULL_MASK, v.w, o);
    }
    return v;
}

extern "C" __global__ void __launch_bounds__(GDR_THREADS) gated_delta_rule_kernel(
        const bf16* __restrict__ q, const bf16* __restrict__ k, const bf16* __restrict__ v,
        const bf16* __restrict__ a, const bf16* __restrict__ b, const float* __restrict__ A_log,
        const float* __restrict__ dt_bias, float* __restrict__ state, bf16* __restrict__ o, int tokens,
        float eps) {
    __shared__ float qs[KEY_DIM];
    __shared__ float ks[KEY_DIM];
    __shared__ float scratch[32];
    const int group = blockIdx.x % GDR_GROUPS;
    const int h = (blockIdx.x / GDR_GROUPS) % VALUE_HEADS;
    const long long t = blockIdx.x / (GDR_GROUPS * VALUE_HEADS);
    if (t >= tokens) return;  // uniform per block
    const int kh = h / GDR_HEAD_RATIO;
    const int lane = threadIdx.x & 31;
    const int cg = lane & 3;
    const int rs = lane >> 2;
    const int col = ((group * GDR_WARPS + (threadIdx.x >> 5)) * 16) + cg * 4;

    // 1. the state tile first: its latency overlaps everything up to the first use
    float* S = state + ((t * VALUE_HEADS + h) * KEY_DIM) * (long long)VALUE_DIM + col;
    float4 s[GDR_ROWS];
#pragma unroll
    for (int n = 0; n < GDR_ROWS; ++n) s[n] = __ldcs(reinterpret_cast<const float4*>(S + (rs + 8 * n) * VALUE_DIM));
    const uint2 v_bits = *reinterpret_cast<const uint2*>(v + t * (VALUE_HEADS * VALUE_DIM) + h * VALUE_DIM + col);

    // 2. gates (every thread, scalar)
    const float decay = expf(-expf(A_log[h]) * gdr_softplus(fs_ld_bf16(a + t * VALUE_HEADS + h) + dt_bias[h]));
    const float beta = 1.f / (1.f + expf(-fs_ld_bf16(b + t * VALUE_HEADS + h)));

    // 3. q and k of key head kh into shared memory, with their L2 norms
    const bf16* qh = q + t * (KEY_HEADS * KEY_DIM) + kh * KEY_DIM;
    const bf16* kh_ptr = k + t * (KEY_HEADS * KEY_DIM) + kh * KEY_DIM;
    float qq = 0.f, kk = 0.f;
    for (int i = threadIdx.x; i < KEY_DIM; i += GDR_THREADS) {
        const float qi = fs_ld_bf16(qh + i);
        const float ki = fs_ld_bf16(kh_ptr + i);
        qs[i] = qi;
        ks[i] = ki;
        qq = fmaf(qi, qi, qq);
        kk = fmaf(ki, ki, kk);
    }
    qq = fs_block_sum(qq, scratch);  // its barriers also publish qs and ks
    kk = fs_block_sum(kk, scratch);
    const float q_scale = rsqrtf(qq + eps) * rsqrtf((float)KEY_DIM);
    const float k_scale = rsqrtf(kk + eps);

    // 4. decay, then v' = beta * (v - S^T k^)
    float4 kv = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
    for (int n = 0; n < GDR_ROWS; ++n) {
        const float ki = ks[rs + 8 * n] * k_scale;
        s[n].x *= decay;
        s[n].y *= decay;
        s[n].z *= decay;
        s[n].w *= decay;
        kv.x = fmaf(s[n].x, ki, kv.x);
        kv.y = fmaf(s[n].y, ki, kv.y);
        kv.z = fmaf(s[n].z, ki, kv.z);
        kv.w = fmaf(s[n].w, ki, kv.w);
    }
    kv = gdr_sum_rows(kv);
    const bf162* vh = reinterpret_cast<const bf162*>(&v_bits);
    const float2 v01 = __bfloat1622float2(vh[0]);
    const float2 v23 = __bfloat1622float2(vh[1]);
    const float4 vp = make_float4(beta * (v01.x - kv.x), beta * (v01.y - kv.y), beta * (v23.x - kv.z),
                                  beta * (v23.y - kv.w));

    // 5. S += k^ v'^T, written back; o = S^T q^
    float4 acc = make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
    for (int n = 0; n < GDR_ROWS; ++n) {
        const int i = rs + 8 * n;
        const float ki = ks[i] * k_scale;
        const float qi = qs[i] * q_scale;
        s[n].x = fmaf(ki, vp.x, s[n].x);
        s[n].y = fmaf(ki, vp.y, s[n].y);
        s[n].z = fmaf(ki, vp.z, s[n].z);
        s[n].w = fmaf(ki, vp.w, s[n].w);
        __stcs(reinterpret_cast<float4*>(S + i * VALUE_DIM), s[n]);
        acc.x = fmaf(s[n].x, qi, acc.x);
        acc.y = fmaf(s[n].y, qi, acc.y);
        acc.z = fmaf(s[n].z, qi, acc.z);
        acc.w = fmaf(s[n].w, qi, acc.w);
    }
    acc = gdr_sum_rows(acc);
    if (rs == 0) {
        uint2 out;
        bf162* oh = reinterpret_cast<bf162*>(&out);
        oh[0] = __floats2bfloat162_rn(acc.x, acc.y);
        oh[1] = __floats2bfloat162_rn(acc.z, acc.w);
        *reinterpret_cast<uint2*>(o + t * (VALUE_HEADS * VALUE_DIM) + h * VALUE_DIM + col) = out;
    }
}

// gdn.cuh: the gated-delta-net (linear attention) layout and the conv update on 8 channels, shared by
// causal_conv1d_update.cu, gdn_split.cu and conv_pack_gdn.cu so that the unfused pair and the fused
// kernel compute bit-identical outputs (same code, same fmaf order).
//
// The including .cu checks that -DKEY_HEADS, -DVALUE_HEADS, -DKEY_DIM, -DVALUE_DIM, -DCONV_KERNEL are
// defined (LinearAttentionDims.definitions()).
//
// Input-projection row (one per token, row stride GDN_PROJ_DIM), in this order:
//   q [KEY_HEADS*KEY_DIM] | k [KEY_HEADS*KEY_DIM] | v [VALUE_HEADS*VALUE_DIM] | z [VALUE_HEADS*VALUE_DIM]
//   | b [VALUE_HEADS] | a [VALUE_HEADS]
// The first GDN_CONV_DIM columns (q|k|v) are the conv channels.
// Conv state: [tokens, GDN_CONV_DIM, CONV_KERNEL - 1] bf16, oldest column first. bf16 is lossless
// here: the state only ever holds earlier conv inputs, which are bf16 projection outputs.
// Conv weight: [GDN_CONV_DIM, CONV_KERNEL] bf16 (HF conv1d.weight [C, 1, W] squeezed); bias
// [GDN_CONV_DIM] bf16 or null.
#pragma once

#include "common.cuh"

#define GDN_QK_DIM (KEY_HEADS * KEY_DIM)
#define GDN_V_DIM (VALUE_HEADS * VALUE_DIM)
#define GDN_CONV_DIM (2 * GDN_QK_DIM + GDN_V_DIM)
#define GDN_PROJ_DIM (GDN_CONV_DIM + GDN_V_DIM + 2 * VALUE_HEADS)
#define GDN_STATE_COLS (CONV_KERNEL - 1)
// Work items of one token row in gdn_split / conv_pack_gdn: 8-channel chunks of q|k|v, then
// 8-element chunks of z, then the 2*VALUE_HEADS scalars of b|a (VALUE_HEADS need not be a multiple of 8).
#define GDN_QKV_CHUNKS (GDN_CONV_DIM / 8)
#define GDN_Z_CHUNKS (GDN_V_DIM / 8)
#define GDN_ROW_ITEMS (GDN_QKV_CHUNKS + GDN_Z_CHUNKS + 2 * VALUE_HEADS)
#define GDN_THREADS 128
#define GDN_BLOCKS_PER_ROW ((GDN_ROW_ITEMS + GDN_THREADS - 1) / GDN_THREADS)

static_assert(KEY_DIM % 8 == 0 && VALUE_DIM % 8 == 0, "KEY_DIM and VALUE_DIM must be multiples of 8");
static_assert(VALUE_HEADS % KEY_HEADS == 0, "VALUE_HEADS must be a multiple of KEY_HEADS");
static_assert(VALUE_HEADS % 4 == 0, "VALUE_HEADS % 4 == 0 keeps projection rows 16-byte aligned");
static_assert(CONV_KERNEL >= 2, "CONV_KERNEL (conv width) must be at least 2");

// 8 bf16 from a uint4 into f[0..8).
__device__ __forceinline__ void gdn_unpack8(const uint4 v, float* f) {
    float t[8];
    fs_unpack8(v, t);
#pragma unroll
    for (int j = 0; j < 8; ++j) f[j] = t[j];
}

// f[0..8) as 8 bf16 in a uint4 (the values are exact bf16 when they come from bf16).
__device__ __forceinline__ uint4 gdn_pack8(const float* f) {
    float t[8];
#pragma unroll
    for (int j = 0; j < 8; ++j) t[j] = f[j];
    return fs_pack8(t);
}

// Conv update of channels [c0, c0 + 8) (c0 % 8 == 0) of one token:
//   y[j] = silu(bias[c] + sum_{i < W-1} state[c, i] * w[c, i] + x[c] * w[c, W-1]), c = c0 + j,
// accumulated in fp32 in that order with fmaf; then state[c, :] = (state[c, 1:], x[c]).
// proj_row: the token's projection row; state_row: the token's [GDN_CONV_DIM, W-1] state.
__device__ __forceinline__ void gdn_conv8(
        const bf16* __restrict__ proj_row, const bf16* __restrict__ w, const bf16* __restrict__ bias,
        bf16* __restrict__ state_row, int c0, float (&y)[8]) {
    float x[8];
    fs_load8(proj_row + c0, x);
    // 8 channels x (W-1) columns = W-1 uint4, 16-byte aligned because c0 % 8 == 0
    uint4* st_vec = reinterpret_cast<uint4*>(state_row + (long long)c0 * GDN_STATE_COLS);
    float st[8 * GDN_STATE_COLS];
#pragma unroll
    for (int u = 0; u < GDN_STATE_COLS; ++u) gdn_unpack8(st_vec[u], st + 8 * u);
    const uint4* w_vec = reinterpret_cast<const uint4*>(w + (long long)c0 * CONV_KERNEL);
    float wt[8 * CONV_KERNEL];
#pragma unroll
    for (int u = 0; u < CONV_KERNEL; ++u) gdn_unpack8(__ldg(w_vec + u), wt + 8 * u);
    float b[8];
    if (bias != nullptr) {
        fs_load8(bias + c0, b);
    } else {
#pragma unroll
        for (int j = 0; j < 8; ++j) b[j] = 0.f;
    }
    float next[8 * GDN_STATE_COLS];
#pragma unroll
    for (int j = 0; j < 8; ++j) {
        float acc = b[j];
#pragma unroll
        for (int i = 0; i < GDN_STATE_COLS; ++i) acc = fmaf(st[j * GDN_STATE_COLS + i], wt[j * CONV_KERNEL + i], acc);
        acc = fmaf(x[j], wt[j * CONV_KERNEL + CONV_KERNEL - 1], acc);
        y[j] = fs_silu(acc);
#pragma unroll
        for (int i = 0; i + 1 < GDN_STATE_COLS; ++i) next[j * GDN_STATE_COLS + i] = st[j * GDN_STATE_COLS + i + 1];
        next[j * GDN_STATE_COLS + GDN_STATE_COLS - 1] = x[j];
    }
#pragma unroll
    for (int u = 0; u < GDN_STATE_COLS; ++u) st_vec[u] = gdn_pack8(next + 8 * u);
}

// Where channels [c0, c0 + 8) of token t go in the contiguous q [tokens, GDN_QK_DIM],
// k [tokens, GDN_QK_DIM], v [tokens, GDN_V_DIM] (a chunk never straddles two of them).
__device__ __forceinline__ bf16* gdn_qkv_destination(bf16* q, bf16* k, bf16* v, long long t, int c0) {
    if (c0 < GDN_QK_DIM) return q + t * GDN_QK_DIM + c0;
    if (c0 < 2 * GDN_QK_DIM) return k + t * GDN_QK_DIM + (c0 - GDN_QK_DIM);
    return v + t * GDN_V_DIM + (c0 - 2 * GDN_QK_DIM);
}

// Copies work item `item` (>= GDN_QKV_CHUNKS) of token t: a z chunk of 8, or one b or a scalar.
__device__ __forceinline__ void gdn_copy_zba(
        const bf16* __restrict__ proj_row, bf16* __restrict__ z, bf16* __restrict__ b, bf16* __restrict__ a,
        long long t, int item) {
    const int zi = item - GDN_QKV_CHUNKS;
    if (zi < GDN_Z_CHUNKS) {
        *reinterpret_cast<uint4*>(z + t * GDN_V_DIM + zi * 8) =
                *reinterpret_cast<const uint4*>(proj_row + GDN_CONV_DIM + zi * 8);
        return;
    }
    const int e = zi - GDN_Z_CHUNKS;  // 0 .. 2*VALUE_HEADS-1: b then a
    const bf16 value = proj_row[GDN_CONV_DIM + GDN_V_DIM + e];
    if (e < VALUE_HEADS) {
        b[t * VALUE_HEADS + e] = value;
    } else {
        a[t * VALUE_HEADS + (e - VALUE_HEADS)] = value;
    }
}

// attention_dims.cuh: the compile-time sizes of the gated full-attention kernels (qk_rmsnorm,
// rotary_partial, kv_append, decode_attention, decode_attention_combine, attn_gate_*).
//
// The Java side passes them from AttentionDims.definitions(): -DHIDDEN -DQ_HEADS -DKV_HEADS
// -DHEAD_DIM -DROTARY_DIM (HIDDEN is not used by these kernels). Rope theta is a launch argument.
//
// Layouts shared by the kernels (row = one request's token of the decode batch):
//   q projection row (HuggingFace Qwen3-Next): per query head [query (HEAD_DIM) | gate (HEAD_DIM)],
//     i.e. [Q_HEADS, 2 * HEAD_DIM] starting at a column offset of a row of any stride (the stride
//     is the row length of the separate q projection, or of the one qkvo_gemm output row);
//   k, v projection rows: [KV_HEADS, HEAD_DIM] at a column offset of a row of any stride;
//   contiguous q: [rows, Q_HEADS * HEAD_DIM]; contiguous k: [rows, KV_HEADS * HEAD_DIM];
//   KV cache (k and v alike): [rows, KV_HEADS, max_context, HEAD_DIM], one block of max_context
//     positions per (request, kv head), positions contiguous, so a request's keys of one kv head
//     are one contiguous range;
//   positions: [rows] int32, tokens already cached for the request = the position of its new token.
#pragma once

#ifndef Q_HEADS
#error "the attention kernels need -DQ_HEADS=<query heads>"
#endif
#ifndef KV_HEADS
#error "the attention kernels need -DKV_HEADS=<kv heads>"
#endif
#ifndef HEAD_DIM
#error "the attention kernels need -DHEAD_DIM=<head dim, multiple of 8>"
#endif
#ifndef ROTARY_DIM
#error "the attention kernels need -DROTARY_DIM=<rotary dims, even, at most HEAD_DIM>"
#endif

static_assert(KV_HEADS >= 1 && Q_HEADS % KV_HEADS == 0, "Q_HEADS must be a multiple of KV_HEADS");
static_assert(HEAD_DIM >= 8 && HEAD_DIM % 8 == 0, "HEAD_DIM must be a positive multiple of 8");
static_assert(ROTARY_DIM >= 2 && ROTARY_DIM % 2 == 0 && ROTARY_DIM <= HEAD_DIM, "ROTARY_DIM must be even, <= HEAD_DIM");

// query heads per kv head
#define ATT_GROUP (Q_HEADS / KV_HEADS)
// 16-byte vectors (8 bf16) per head
#define ATT_HEAD_VECS (HEAD_DIM / 8)

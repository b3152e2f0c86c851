// decode_attention_core.cuh: the body of decode_attention.cu's two entry points (single pass and
// split); see decode_attention.cu for shapes, math and launch. Needs common.cuh and
// attention_dims.cuh first.
#pragma once

#define DA_WARPS 4
#define DA_THREADS (DA_WARPS * FS_WARP)
// dims of a key row per lane: 8 (one 16-byte load) while a warp can cover a row with them
#define DA_DPL (ATT_HEAD_VECS > FS_WARP ? HEAD_DIM / FS_WARP : 8)
#define DA_VPL (DA_DPL / 8)
// lanes per key row, key rows per warp step, steps per tile (8 loads of K and of V in flight per
// lane), key rows per warp tile
#define DA_LPK (HEAD_DIM / DA_DPL)
#define DA_KPW (FS_WARP / DA_LPK)
#define DA_STEPS (8 / DA_VPL)
#define DA_TILE (DA_STEPS * DA_KPW)
// lanes that hold the same head's score after da_reduce_heads
#define DA_LANES_PER_HEAD (DA_LPK / ATT_GROUP)
#define DA_LOG2E 1.4426950408889634f

static_assert(DA_DPL % 8 == 0 && DA_DPL * DA_LPK == HEAD_DIM && (DA_LPK & (DA_LPK - 1)) == 0,
              "decode_attention needs HEAD_DIM / 8 a power of two up to 32, or HEAD_DIM = 512");
static_assert(DA_DPL <= 16, "decode_attention supports HEAD_DIM up to 512");
static_assert((ATT_GROUP & (ATT_GROUP - 1)) == 0 && ATT_GROUP <= DA_LPK,
              "decode_attention needs the group size a power of two, at most the lanes per key row");
static_assert(ATT_GROUP * DA_DPL <= 64, "decode_attention keeps ATT_GROUP * dims-per-lane <= 64 in registers");

// Sums each lane's partial dot products of ATT_GROUP heads over the DA_LPK lanes of one key row by
// halving exchanges (ATT_GROUP - 1 + log2(DA_LPK / ATT_GROUP) shuffles instead of ATT_GROUP *
// log2(DA_LPK)). Every lane gets the full sum of head lk / DA_LANES_PER_HEAD. v is clobbered.
__device__ __forceinline__ float da_reduce_heads(float (&v)[ATT_GROUP], int lk) {
#pragma unroll
    for (int cnt = ATT_GROUP, off = DA_LPK / 2; cnt > 1; cnt >>= 1, off >>= 1) {
        const bool upper = (lk & off) != 0;
#pragma unroll
        for (int i = 0; i < cnt / 2; ++i) {
            const float send = upper ? v[i] : v[i + cnt / 2];
            const float keep = upper ? v[i + cnt / 2] : v[i];
            v[i] = keep + __shfl_xor_sync(FS_FULL_MASK, send, off);
        }
    }
    float s = v[0];
#pragma unroll
    for (int off = DA_LANES_PER_HEAD / 2; off >= 1; off >>= 1) s += __shfl_xor_sync(FS_FULL_MASK, s, off);
    return s;
}

// The lane's DA_DPL dims of one bf16 row as floats.
__device__ __forceinline__ void da_unpack_row(const uint4 (&r)[DA_VPL], float (&f)[DA_DPL]) {
#pragma unroll
    for (int v = 0; v < DA_VPL; ++v) {
        float t[8];
        fs_unpack8(r[v], t);
#pragma unroll
        for (int i = 0; i < 8; ++i) f[v * 8 + i] = t[i];
    }
}

// Loads the lane's slice of key row j (zeros when j >= end: masked keys are never read).
__device__ __forceinline__ void da_load_row(const bf16* base, int j, int end, uint4 (&r)[DA_VPL]) {
#pragma unroll
    for (int v = 0; v < DA_VPL; ++v) {
        r[v] = j < end ? fs_load_stream16(base + (long long)j * HEAD_DIM + v * 8) : make_uint4(0u, 0u, 0u, 0u);
    }
}

// The ATT_GROUP softmax weights of one key row from shared memory (16-byte reads when possible).
__device__ __forceinline__ void da_read_weights(const float (&row)[ATT_GROUP], float (&p)[ATT_GROUP]) {
    if (ATT_GROUP % 4 == 0) {
#pragma unroll
        for (int g = 0; g < ATT_GROUP; g += 4) {
            const float4 t = *reinterpret_cast<const float4*>(&row[g]);
            p[g] = t.x;
            p[g + 1] = t.y;
            p[g + 2] = t.z;
            p[g + 3] = t.w;
        }
    } else {
#pragma unroll
        for (int g = 0; g < ATT_GROUP; ++g) p[g] = row[g];
    }
}

template <bool SPLIT>
__device__ __forceinline__ void da_attend(
        const bf16* __restrict__ q, const bf16* __restrict__ k_cache, const bf16* __restrict__ v_cache,
        const int* __restrict__ positions, bf16* __restrict__ out, float* __restrict__ part_o,
        float* __restrict__ part_lse, int rows, int max_context, int chunks, int chunk_size) {
    __shared__ __align__(16) float p_s[DA_WARPS][DA_TILE][ATT_GROUP];
    __shared__ float corr_s[DA_WARPS][ATT_GROUP];
    __shared__ float wm_s[DA_WARPS][ATT_GROUP];
    __shared__ float wl_s[DA_WARPS][ATT_GROUP];
    __shared__ __align__(16) float merge_s[DA_WARPS / 2][ATT_GROUP][HEAD_DIM];

    const int chunk = blockIdx.x;
    const int kvh = blockIdx.y;
    const int row = blockIdx.z;
    if (row >= rows) return;  // uniform per block
    const int warp = threadIdx.x >> 5;
    const int lane = threadIdx.x & 31;
    const int kg = lane / DA_LPK;  // which key row of a warp step
    const int lk = lane % DA_LPK;  // which slice of the row
    const int own = lk / DA_LANES_PER_HEAD;
    const bool head_writer = lk % DA_LANES_PER_HEAD == 0;

    const int pos = __ldg(positions + row);
    if (pos < 0 || pos >= max_context) {
        if (!SPLIT) {
            bf16* o = out + ((long long)row * Q_HEADS + kvh * ATT_GROUP) * HEAD_DIM;
            for (int e = threadIdx.x; e < ATT_GROUP * HEAD_DIM; e += DA_THREADS) {
                fs_st_bf16(o + e, __int_as_float(0x7fc00000));
            }
        }
        return;
    }
    const int n = pos + 1;
    const long long begin_ll = SPLIT ? (long long)chunk * chunk_size : 0;
    if (begin_ll >= n) return;  // empty chunk, uniform per block
    const int begin = (int)begin_ll;
    const long long chunk_end = begin_ll + chunk_size;
    const int end = (!SPLIT || chunk == chunks - 1 || chunk_end >= n) ? n : (int)chunk_end;

    // the group's queries, pre-scaled so that scores are base-2 exponents
    const float q_scale = rsqrtf((float)HEAD_DIM) * DA_LOG2E;
    float qr[ATT_GROUP][DA_DPL];
#pragma unroll
    for (int g = 0; g < ATT_GROUP; ++g) {
        const bf16* qh = q + ((long long)row * Q_HEADS + kvh * ATT_GROUP + g) * HEAD_DIM + lk * DA_DPL;
#pragma unroll
        for (int v = 0; v < DA_VPL; ++v) {
            float t[8];
            fs_load8(qh + v * 8, t);
#pragma unroll
            for (int i = 0; i < 8; ++i) qr[g][v * 8 + i] = t[i] * q_scale;
        }
    }

    const long long first_row = ((long long)row * KV_HEADS + kvh) * max_context;
    const bf16* kb = k_cache + first_row * HEAD_DIM + lk * DA_DPL;
    const bf16* vb = v_cache + first_row * HEAD_DIM + lk * DA_DPL;

    float m_run = FS_NEG_INF;  // running max of the lane's head (base-2 exponent)
    float l_run = 0.f;         // running sum of 2^(s - m_run) over this lane's key rows
    float acc[ATT_GROUP][DA_DPL];
#pragma unroll
    for (int g = 0; g < ATT_GROUP; ++g) {
#pragma unroll
        for (int d = 0; d < DA_DPL; ++d) acc[g][d] = 0.f;
    }

    for (int t0 = begin + warp * DA_TILE; t0 < end; t0 += DA_WARPS * DA_TILE) {
        uint4 kr[DA_STEPS][DA_VPL];
        uint4 vr[DA_STEPS][DA_VPL];
#pragma unroll
        for (int s = 0; s < DA_STEPS; ++s) da_load_row(kb, t0 + s * DA_KPW + kg, end, kr[s]);
#pragma unroll
        for (int s = 0; s < DA_STEPS; ++s) da_load_row(vb, t0 + s * DA_KPW + kg, end, vr[s]);

        float sc[DA_STEPS];
#pragma unroll
        for (int s = 0; s < DA_STEPS; ++s) {
            float kf[DA_DPL];
            da_unpack_row(kr[s], kf);
            float part[ATT_GROUP];
#pragma unroll
            for (int g = 0; g < ATT_GROUP; ++g) {
                float a = 0.f;
#pragma unroll
                for (int d = 0; d < DA_DPL; ++d) a = fmaf(qr[g][d], kf[d], a);
                part[g] = a;
            }
            const float r = da_reduce_heads(part, lk);
            sc[s] = t0 + s * DA_KPW + kg < end ? r : FS_NEG_INF;
        }

        // online softmax, one tile at a time: the tile's max over all key rows of the warp
        float tmax = sc[0];
#pragma unroll
        for (int s = 1; s < DA_STEPS; ++s) tmax = fmaxf(tmax, sc[s]);
#pragma unroll
        for (int off = DA_LPK; off < FS_WARP; off <<= 1) tmax = fmaxf(tmax, __shfl_xor_sync(FS_FULL_MASK, tmax, off));
        const float m_new = fmaxf(m_run, tmax);  // finite: key row t0 is valid for every head
        const float corr = exp2f(m_run - m_new);
        float psum = 0.f;
#pragma unroll
        for (int s = 0; s < DA_STEPS; ++s) {
            const float p = exp2f(sc[s] - m_new);
            psum += p;
            if (head_writer) p_s[warp][s * DA_KPW + kg][own] = p;
        }
        l_run = l_run * corr + psum;
        m_run = m_new;
        if (head_writer && kg == 0) corr_s[warp][own] = corr;
        __syncwarp();

#pragma unroll
        for (int g = 0; g < ATT_GROUP; ++g) {
            const float c = corr_s[warp][g];
#pragma unroll
            for (int d = 0; d < DA_DPL; ++d) acc[g][d] *= c;
        }
#pragma unroll
        for (int s = 0; s < DA_STEPS; ++s) {
            float vf[DA_DPL];
            da_unpack_row(vr[s], vf);
            float p[ATT_GROUP];
            da_read_weights(p_s[warp][s * DA_KPW + kg], p);
#pragma unroll
            for (int g = 0; g < ATT_GROUP; ++g) {
#pragma unroll
                for (int d = 0; d < DA_DPL; ++d) acc[g][d] = fmaf(p[g], vf[d], acc[g][d]);
            }
        }
        __syncwarp();  // p_s and corr_s are rewritten by the next tile
    }

    // merge the key rows of a warp step (the lanes of different kg saw different keys)
#pragma unroll
    for (int off = DA_LPK; off < FS_WARP; off <<= 1) {
        l_run += __shfl_xor_sync(FS_FULL_MASK, l_run, off);
#pragma unroll
        for (int g = 0; g < ATT_GROUP; ++g) {
#pragma unroll
            for (int d = 0; d < DA_DPL; ++d) acc[g][d] += __shfl_xor_sync(FS_FULL_MASK, acc[g][d], off);
        }
    }

    // merge the warps: common max per head, rescale, tree-sum the accumulators in shared memory
    if (head_writer && kg == 0) {
        wm_s[warp][own] = m_run;
        wl_s[warp][own] = l_run;
    }
    __syncthreads();
    float m_all[ATT_GROUP];
    float l_all[ATT_GROUP];
#pragma unroll
    for (int g = 0; g < ATT_GROUP; ++g) {
        float m = wm_s[0][g];
#pragma unroll
        for (int w = 1; w < DA_WARPS; ++w) m = fmaxf(m, wm_s[w][g]);
        float l = 0.f;
#pragma unroll
        for (int w = 0; w < DA_WARPS; ++w) l += wl_s[w][g] * exp2f(wm_s[w][g] - m);  // 0 for an idle warp
        m_all[g] = m;
        l_all[g] = l;
        const float f = exp2f(wm_s[warp][g] - m);
#pragma unroll
        for (int d = 0; d < DA_DPL; ++d) acc[g][d] *= f;
    }
#pragma unroll
    for (int half = DA_WARPS / 2; half >= 1; half >>= 1) {
        if (warp >= half && warp < 2 * half && kg == 0) {
#pragma unroll
            for (int g = 0; g < ATT_GROUP; ++g) {
#pragma unroll
                for (int d = 0; d < DA_DPL; ++d) merge_s[warp - half][g][lk * DA_DPL + d] = acc[g][d];
            }
        }
        __syncthreads();
        if (warp < half && kg == 0) {
#pragma unroll
            for (int g = 0; g < ATT_GROUP; ++g) {
#pragma unroll
                for (int d = 0; d < DA_DPL; ++d) acc[g][d] += merge_s[warp][g][lk * DA_DPL + d];
            }
        }
        __syncthreads();
    }

    if (warp != 0 || kg != 0) return;
#pragma unroll
    for (int g = 0; g < ATT_GROUP; ++g) {
        const long long head = (long long)row * Q_HEADS + kvh * ATT_GROUP + g;
        const float inv = 1.f / l_all[g];
        if (!SPLIT) {
#pragma unroll
            for (int v = 0; v < DA_VPL; ++v) {
                float t[8];
#pragma unroll
                for (int i = 0; i < 8; ++i) t[i] = acc[g][v * 8 + i] * inv;
                fs_store8(out + head * HEAD_DIM + lk * DA_DPL + v * 8, t);
            }
        } else {
            float* po = part_o + (head * chunks + chunk) * HEAD_DIM + lk * DA_DPL;
#pragma unroll
            for (int d = 0; d < DA_DPL; d += 4) {
                *reinterpret_cast<float4*>(po + d) =
                        make_float4(acc[g][d] * inv, acc[g][d + 1] * inv, acc[g][d + 2] * inv, acc[g][d + 3] * inv);
            }
            if (lk == 0) part_lse[head * chunks + chunk] = m_all[g] + log2f(l_all[g]);
        }
    }
}

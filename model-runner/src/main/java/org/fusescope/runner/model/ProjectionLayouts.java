package org.fusescope.runner.model;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Regroups HuggingFace's projection weights into the kernels' layout, whole rows of {@code H} at a time.
 * Stateless, thread-safe.
 *
 * <p>HuggingFace's Qwen3-Next gated-delta-net ({@code Qwen3NextGatedDeltaNet.fix_query_key_value_ordering}
 * in transformers' {@code modeling_qwen3_next.py}) views the {@code in_proj_qkvz} output as {@code [Hk,
 * 2·Dk + 2·(Hv/Hk)·Dv]} and splits each key head's block into {@code q_h (Dk), k_h (Dk), v (Hv/Hk·Dv),
 * z (Hv/Hk·Dv)}; the v and z blocks of key head h hold value heads {@code h·Hv/Hk .. (h+1)·Hv/Hk - 1}.
 * It views {@code in_proj_ba} as {@code [Hk, 2·Hv/Hk]}: per key head {@code b (Hv/Hk), a (Hv/Hk)}. Its
 * full attention views {@code q_proj}'s output as {@code [Hq, 2·D]} and chunks each head into {@code q_h
 * (D), gate_h (D)}.
 */
public final class ProjectionLayouts {
    private ProjectionLayouts() {}

    /**
     * The gated-delta-net input projection {@code [projectionDim, H]} with rows {@code [q | k | v | z | b
     * | a]}, from HuggingFace's per-key-head grouped {@code in_proj_qkvz [2·Hk·Dk + 2·Hv·Dv, H]} and
     * {@code in_proj_ba [2·Hv, H]}.
     */
    public static short[] gdnInProj(short[] qkvz, short[] ba, LinearAttentionDims c) {
        int hidden = c.hidden();
        int hk = c.keyHeads();
        int dk = c.keyDim();
        int group = c.valueHeadsPerKeyHead();
        int groupRows = group * c.valueDim();
        int valueRows = c.valueHeads() * c.valueDim();
        Args.length(
                "in_proj_qkvz",
                qkvz,
                (long) (2 * hk * dk + 2 * valueRows) * hidden,
                Args.dims("2*Hk*Dk+2*Hv*Dv", 2 * hk * dk + 2 * valueRows, "H", hidden));
        Args.length("in_proj_ba", ba, 2L * c.valueHeads() * hidden, Args.dims("2*Hv", 2 * c.valueHeads(), "H", hidden));
        Rows out = new Rows(new short[Math.multiplyExact(c.projectionDim(), hidden)], hidden);
        int qAt = 0;
        int kAt = hk * dk;
        int vAt = 2 * hk * dk;
        int zAt = vAt + valueRows;
        int bAt = zAt + valueRows;
        int aAt = bAt + c.valueHeads();
        for (int h = 0; h < hk; h++) {
            int from = h * (2 * dk + 2 * groupRows);
            out.copy(qkvz, from, qAt + h * dk, dk);
            out.copy(qkvz, from + dk, kAt + h * dk, dk);
            out.copy(qkvz, from + 2 * dk, vAt + h * groupRows, groupRows);
            out.copy(qkvz, from + 2 * dk + groupRows, zAt + h * groupRows, groupRows);
            out.copy(ba, h * 2 * group, bAt + h * group, group);
            out.copy(ba, h * 2 * group + group, aAt + h * group, group);
        }
        return out.data;
    }

    /**
     * The attention query projection {@code [2·Hq·D, H]} with rows {@code [q (Hq·D) | gate (Hq·D)]}, from
     * HuggingFace's per-head interleaved {@code q_proj} ({@code [q_h, gate_h]} for each head).
     */
    public static short[] queryGate(short[] qProj, AttentionDims c) {
        int hidden = c.hidden();
        int heads = c.queryHeads();
        int d = c.headDim();
        Args.length("q_proj", qProj, 2L * heads * d * hidden, Args.dims("2*Hq*D", 2 * heads * d, "H", hidden));
        Rows out = new Rows(new short[qProj.length], hidden);
        for (int h = 0; h < heads; h++) {
            out.copy(qProj, h * 2 * d, h * d, d);
            out.copy(qProj, h * 2 * d + d, heads * d + h * d, d);
        }
        return out.data;
    }

    /** A row-major matrix of {@code width} columns that rows are copied into. */
    private record Rows(short[] data, int width) {
        void copy(short[] from, int fromRow, int toRow, int rows) {
            System.arraycopy(from, fromRow * width, data, toRow * width, rows * width);
        }
    }
}

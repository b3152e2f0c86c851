package org.fusescope.runner.model;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Builds HuggingFace's projection layouts for tests from the rows of our layout, head by head, the way
 * transformers' {@code fix_query_key_value_ordering} reads them back: per key head {@code [q_h, k_h,
 * v of its Hv/Hk value heads, z of them]} and {@code [b of them, a of them]}; per query head {@code
 * [q_h, gate_h]}.
 */
final class HfLayouts {
    private HfLayouts() {}

    /** HuggingFace's {@code in_proj_qkvz} from our {@code [q | k | v | z | b | a]} projection. */
    static short[] inProjQkvz(short[] ours, LinearAttentionDims c) {
        int hidden = c.hidden();
        Sections s = new Sections(ours, c, hidden);
        List<short[]> rows = new ArrayList<>();
        int group = c.valueHeads() / c.keyHeads();
        for (int head = 0; head < c.keyHeads(); head++) {
            rows.addAll(s.head(s.q, head, c.keyDim()));
            rows.addAll(s.head(s.k, head, c.keyDim()));
            for (int j = 0; j < group; j++) {
                rows.addAll(s.head(s.v, head * group + j, c.valueDim()));
            }
            for (int j = 0; j < group; j++) {
                rows.addAll(s.head(s.z, head * group + j, c.valueDim()));
            }
        }
        return join(rows, hidden);
    }

    /** HuggingFace's {@code in_proj_ba} from our {@code [q | k | v | z | b | a]} projection. */
    static short[] inProjBa(short[] ours, LinearAttentionDims c) {
        int hidden = c.hidden();
        Sections s = new Sections(ours, c, hidden);
        List<short[]> rows = new ArrayList<>();
        int group = c.valueHeads() / c.keyHeads();
        for (int head = 0; head < c.keyHeads(); head++) {
            for (int j = 0; j < group; j++) {
                rows.addAll(s.head(s.b, head * group + j, 1));
            }
            for (int j = 0; j < group; j++) {
                rows.addAll(s.head(s.a, head * group + j, 1));
            }
        }
        return join(rows, hidden);
    }

    /** HuggingFace's {@code q_proj} from our {@code [q | gate]} rows. */
    static short[] qProj(short[] ours, AttentionDims c) {
        int hidden = c.hidden();
        List<short[]> all = rows(ours, hidden);
        int d = c.headDim();
        List<short[]> q = all.subList(0, c.queryHeads() * d);
        List<short[]> gate = all.subList(c.queryHeads() * d, all.size());
        List<short[]> rows = new ArrayList<>();
        for (int head = 0; head < c.queryHeads(); head++) {
            rows.addAll(q.subList(head * d, (head + 1) * d));
            rows.addAll(gate.subList(head * d, (head + 1) * d));
        }
        return join(rows, hidden);
    }

    static List<short[]> rows(short[] matrix, int width) {
        List<short[]> rows = new ArrayList<>();
        for (int r = 0; r < matrix.length / width; r++) {
            short[] row = new short[width];
            System.arraycopy(matrix, r * width, row, 0, width);
            rows.add(row);
        }
        return rows;
    }

    static short[] join(List<short[]> rows, int width) {
        short[] out = new short[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, out, r * width, width);
        }
        return out;
    }

    /** Our projection cut into its six sections of rows. */
    private static final class Sections {
        final List<short[]> q;
        final List<short[]> k;
        final List<short[]> v;
        final List<short[]> z;
        final List<short[]> b;
        final List<short[]> a;

        Sections(short[] ours, LinearAttentionDims c, int hidden) {
            List<short[]> all = rows(ours, hidden);
            int keyRows = c.keyHeads() * c.keyDim();
            int valueRows = c.valueHeads() * c.valueDim();
            int at = 0;
            q = all.subList(at, at += keyRows);
            k = all.subList(at, at += keyRows);
            v = all.subList(at, at += valueRows);
            z = all.subList(at, at += valueRows);
            b = all.subList(at, at += c.valueHeads());
            a = all.subList(at, at += c.valueHeads());
        }

        List<short[]> head(List<short[]> section, int head, int rowsPerHead) {
            return section.subList(head * rowsPerHead, (head + 1) * rowsPerHead);
        }
    }
}

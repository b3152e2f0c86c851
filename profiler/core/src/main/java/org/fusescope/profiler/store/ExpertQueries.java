package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusescope.profiler.model.ExpertCounts;

/** Reads FS_EXPERT_COUNTS: a varint BLOB per layer and step (schema 2), or a row per expert (schema 1). */
final class ExpertQueries {
    private static final String T = TraceSchema.ExpertCounts.TABLE;

    private ExpertQueries() {}

    static List<ExpertCounts> load(Connection conn, Catalog cat, long runId) throws SQLException {
        if (!cat.has(T)) {
            return List.of();
        }
        boolean perExpert = cat.has(T, TraceSchema.ExpertCounts.EXPERT);
        String sql = Sql.select(
                        T,
                        TraceSchema.ExpertCounts.LAYER,
                        TraceSchema.ExpertCounts.STEP,
                        perExpert ? TraceSchema.ExpertCounts.EXPERT : TraceSchema.ExpertCounts.EXPERTS,
                        TraceSchema.ExpertCounts.TOKENS)
                + " WHERE " + TraceSchema.ExpertCounts.RUN_ID + " = ? ORDER BY rowid";
        List<ExpertCounts> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (perExpert) {
                    perExpert(rs, out);
                } else {
                    while (rs.next()) {
                        int experts = rs.getInt(3);
                        if (experts < 0) {
                            throw new IllegalArgumentException(T + "." + TraceSchema.ExpertCounts.EXPERTS + " is "
                                    + experts + " in the row of layer " + rs.getInt(1) + ", step " + rs.getInt(2)
                                    + "; an expert count is 0 or more");
                        }
                        int[] tokens = Varints.decode(rs.getBytes(4), experts);
                        out.add(new ExpertCounts(rs.getInt(1), rs.getInt(2), tokens));
                    }
                }
            }
        }
        return out;
    }

    /** Schema 1: consecutive rows of one layer and step, one per expert. */
    private static void perExpert(ResultSet rs, List<ExpertCounts> out) throws SQLException {
        int layer = 0;
        int step = 0;
        int[] tokens = null;
        while (rs.next()) {
            int l = rs.getInt(1);
            int s = rs.getInt(2);
            if (tokens == null || l != layer || s != step) {
                if (tokens != null) {
                    out.add(new ExpertCounts(layer, step, tokens));
                }
                layer = l;
                step = s;
                tokens = new int[0];
            }
            int expert = rs.getInt(3);
            if (expert >= tokens.length) {
                tokens = Arrays.copyOf(tokens, expert + 1);
            }
            tokens[expert] = rs.getInt(4);
        }
        if (tokens != null) {
            out.add(new ExpertCounts(layer, step, tokens));
        }
    }
}

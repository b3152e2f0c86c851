package org.fusescope.profiler.store;

import java.sql.SQLException;
import java.util.Arrays;
import org.fusescope.profiler.store.TraceSchema.Attribution;

/**
 * The attribution columns of a run's timeline kernels, in the order the kernels were read: op
 * (-1 where there is none), fused flag, layer and step (-1 where there is no attribution). Filled
 * by {@link #read} from the run's {@code FS_KERNEL_ATTRIBUTION} rows, joined in Java ({@link
 * AttributionJoin}). Not thread-safe: one per read.
 */
final class TimelineAttribution {
    /** Where layer + 1 starts in a packed row (see {@link #read}); op * 2 + fused takes the bits below. */
    private static final int LAYER_SHIFT = 32;

    private static final long LAYER_MASK = (1L << 12) - 1;
    /** Where step + 1 starts in a packed row, above the 12 bits of layer + 1; it takes the rest up to bit 62. */
    private static final int STEP_SHIFT = LAYER_SHIFT + 12;
    /** The highest op id, layer and step a packed row holds. */
    private static final long MAX_OP = (1L << (LAYER_SHIFT - 1)) - 1;

    private static final long MAX_LAYER = LAYER_MASK - 1;
    private static final long MAX_STEP = (1L << (63 - STEP_SHIFT)) - 2;

    final int[] ops;
    final boolean[] fused;
    final int[] layers;
    final int[] steps;

    /** Columns of {@code n} kernels without attribution. */
    TimelineAttribution(int n) {
        ops = new int[n];
        fused = new boolean[n];
        layers = new int[n];
        steps = new int[n];
        Arrays.fill(ops, -1);
        Arrays.fill(layers, -1);
        Arrays.fill(steps, -1);
    }

    /**
     * Fills each kernel's columns (its correlation id and graph node id {@code corr[i]}, {@code
     * node[i]}, in read order) from its attribution row, if it has one with an op.
     */
    void read(TimelineSelection rows, long[] corr, long[] node, LocalStrings table) throws SQLException {
        Rows read = read(rows, true, corr.length, table);
        if (read == null) {
            // text ops (schema 1) or values out of the packed ranges: one plain column per value
            read = read(rows, false, corr.length, table);
        }
        AttributionJoin join = new AttributionJoin(read.corr.toArray(), read.node.toArray());
        int[] aOp = read.op.toArray();
        int[] aFused = read.fused.toArray();
        int[] aLayer = read.layer.toArray();
        int[] aStep = read.step.toArray();
        for (int i = 0; i < corr.length; i++) {
            int hit = join.rowOf(corr[i], node[i]);
            if (hit >= 0 && aOp[hit] >= 0) {
                ops[i] = aOp[hit];
                fused[i] = aFused[hit] != 0;
                layers[i] = aLayer[hit];
                steps[i] = aStep[hit];
            }
        }
    }

    /** FS_KERNEL_ATTRIBUTION rows as read. */
    private static final class Rows {
        final GrowingColumns.Longs corr;
        final GrowingColumns.Longs node;
        final GrowingColumns.Ints op;
        /** 1 fused, 0 not. */
        final GrowingColumns.Ints fused;

        final GrowingColumns.Ints layer;
        final GrowingColumns.Ints step;

        Rows(int expected) {
            corr = new GrowingColumns.Longs(expected);
            node = new GrowingColumns.Longs(expected);
            op = new GrowingColumns.Ints(expected);
            fused = new GrowingColumns.Ints(expected);
            layer = new GrowingColumns.Ints(expected);
            step = new GrowingColumns.Ints(expected);
        }
    }

    /**
     * Reads the attribution rows of the run. {@code packed} reads op id, fused flag, layer and step
     * as one integer computed by SQLite ({@code (step + 1) << 44 | (layer + 1) << 32 | op * 2 +
     * fused}, -1 without op), one JNI call instead of four, and returns null on a row whose op is
     * text or a value out of its bits (the caller then reads them unpacked).
     */
    private static Rows read(TimelineSelection rows, boolean packed, int expected, LocalStrings table)
            throws SQLException {
        String op = Attribution.OP;
        String layer = Attribution.LAYER;
        String step = Attribution.STEP;
        String columns = packed
                ? "CASE WHEN " + op + " IS NULL THEN -1 WHEN typeof(" + op + ") = 'integer' AND " + op
                        + " BETWEEN 0 AND " + MAX_OP + " AND " + layer + " BETWEEN -1 AND " + MAX_LAYER + " AND "
                        + step + " BETWEEN -1 AND " + MAX_STEP + " THEN ((" + step + " + 1) << " + STEP_SHIFT
                        + ") | ((" + layer + " + 1) << " + LAYER_SHIFT + ") | (" + op + " * 2 + COALESCE("
                        + Attribution.FUSED + " <> 0, 0)) ELSE -2 END"
                : String.join(", ", op, Attribution.FUSED, layer, step);
        Rows r = new Rows(expected);
        // op is a StringIds id since schema 2, the text itself in schema 1: decided on the first op seen
        Boolean[] textOps = {null};
        boolean complete = rows.eachAttribution(columns, rs -> {
            r.corr.add(rs.getLong(1));
            r.node.add(rs.getLong(2));
            if (packed) {
                long v = rs.getLong(3);
                if (v == -2) {
                    return false;
                }
                long opFused = v & ((1L << LAYER_SHIFT) - 1);
                r.op.add(v < 0 ? -1 : table.byId(opFused >>> 1, "?"));
                r.fused.add(v >= 0 && (opFused & 1) != 0 ? 1 : 0);
                r.layer.add(v < 0 ? -1 : (int) ((v >>> LAYER_SHIFT) & LAYER_MASK) - 1);
                r.step.add(v < 0 ? -1 : (int) (v >>> STEP_SHIFT) - 1);
                return true;
            }
            if (textOps[0] == null) {
                Object v = rs.getObject(3);
                textOps[0] = v == null ? null : !(v instanceof Number);
            }
            int o = -1;
            if (Boolean.TRUE.equals(textOps[0])) {
                String t = rs.getString(3);
                o = t == null ? -1 : table.byText(t);
            } else if (textOps[0] != null) {
                long id = rs.getLong(3);
                o = rs.wasNull() ? -1 : table.byId(id, "?");
            }
            r.op.add(o);
            r.fused.add(rs.getInt(4) != 0 ? 1 : 0);
            r.layer.add(rs.getInt(5));
            r.step.add(rs.getInt(6));
            return true;
        });
        return complete ? r : null;
    }
}

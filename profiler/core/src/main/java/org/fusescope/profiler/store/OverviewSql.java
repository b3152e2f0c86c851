package org.fusescope.profiler.store;

import java.sql.SQLException;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/**
 * The statements {@link OverviewQueries} runs: index seeks among the kernels {@link
 * TimelineSelection} selects, in its order (by start, the lowest rowid first among equal starts).
 * Each kernel comes as {@link OverviewItems#COLUMNS} columns (rowid, start, end, device, correlation
 * id, short name id, op, fused, layer, step) with its attribution joined on the selection's key.
 */
final class OverviewSql {
    private static final String K = Kernel.TABLE;
    private static final String START = Kernel.START;
    private static final String END = Kernel.END;
    private static final String STREAM = Kernel.STREAM_ID;

    private final TimelineSelection rows;
    private final boolean attributed;

    OverviewSql(TimelineSelection rows) {
        this.rows = rows;
        this.attributed = rows.attributed();
    }

    /**
     * Over the run's kernels (starting in [?1, ?2]), in one pass: count, last end, lowest and highest
     * stream, and the rowids (comma-separated text, or null) of those at least ?3 ns long.
     */
    String extent() throws SQLException {
        return "SELECT count(*), max(" + END + "), min(" + STREAM + "), max(" + STREAM + "), group_concat(CASE WHEN "
                + END + " - " + START + " >= ?3 THEN rowid END) FROM " + K + " WHERE " + rows.kernelWindow("");
    }

    /** The run's kernels (starting in [?1, ?2]), counted on the start index up to ?3. */
    static String countUpTo() {
        return "SELECT count(*) FROM (SELECT 1 FROM " + K + " WHERE " + TimelineSelection.window("", false)
                + " LIMIT ?3)";
    }

    /** The earliest ({@code min}) or latest ({@code max}) start of the run's kernels: one index seek. */
    static String startBound(String minOrMax) {
        return "SELECT " + minOrMax + "(" + START + ") FROM " + K + " WHERE " + TimelineSelection.window("", false);
    }

    /** The kernel with rowid ?1, with its stream (column 9); attribution of run ?3. */
    String byRowid() throws SQLException {
        return "SELECT " + columns("k", "a") + ", k." + STREAM + " FROM " + K + " k" + join("k", "a")
                + " WHERE k.rowid = ?1 LIMIT 1";
    }

    /** The first kernel starting at or after ?1 (and at most at ?2). */
    String firstFrom() throws SQLException {
        return "SELECT " + columns("k", "a") + " FROM " + K + " k" + join("k", "a") + " WHERE k." + START
                + " >= ?1 AND k." + START + " <= ?2 ORDER BY " + TimelineSelection.timelineOrder("k", false)
                + " LIMIT 1";
    }

    /** The last kernel starting before ?1 (and at least at ?2). */
    String lastBefore() throws SQLException {
        return "SELECT " + columns("k", "a") + " FROM " + K + " k" + join("k", "a") + " WHERE k." + START
                + " < ?1 AND k." + START + " >= ?2 ORDER BY " + TimelineSelection.timelineOrder("k", true) + " LIMIT 1";
    }

    /** The first kernel of stream ?5 after start ?1 and rowid ?2 (and starting at most at ?4). */
    String nextOnStream() throws SQLException {
        return "SELECT " + columns("k", "a") + " FROM " + K + " k" + join("k", "a") + " WHERE k." + START
                + " >= ?1 AND k." + START + " <= ?4 AND (k." + START + " > ?1 OR k.rowid > ?2) AND k." + STREAM
                + " = ?5 ORDER BY " + TimelineSelection.timelineOrder("k", false) + " LIMIT 1";
    }

    /**
     * Per stream of the kernels starting in [?1, ?2) (and at most at ?4): the stream, then its first
     * and its last kernel. Rows come ordered by stream.
     */
    String firstAndLastPerStream() throws SQLException {
        String group = "SELECT " + STREAM + " AS stream, min(" + START + ") AS first, max(" + START + ") AS last FROM "
                + K + " WHERE " + START + " >= ?1 AND " + START + " < ?2 AND " + START + " <= ?4 GROUP BY stream";
        String firstRow = "(SELECT min(x.rowid) FROM " + K + " x WHERE x." + START + " = g.first AND x." + STREAM
                + " = g.stream)";
        String lastRow =
                "(SELECT max(x.rowid) FROM " + K + " x WHERE x." + START + " = g.last AND x." + STREAM + " = g.stream)";
        return "SELECT g.stream, " + columns("f", "af") + ", " + columns("l", "al") + " FROM (" + group + ") g JOIN "
                + K + " f ON f.rowid = " + firstRow + " JOIN " + K + " l ON l.rowid = " + lastRow + join("f", "af")
                + join("l", "al");
    }

    /** The {@link OverviewItems#COLUMNS} columns of kernel {@code k} with attribution {@code a}. */
    private String columns(String k, String a) {
        String attribution = attributed
                ? String.join(
                        ", ",
                        a + "." + Attribution.OP,
                        a + "." + Attribution.FUSED,
                        a + "." + Attribution.LAYER,
                        a + "." + Attribution.STEP)
                : "NULL, NULL, NULL, NULL";
        return k + ".rowid, " + k + "." + START + ", " + k + "." + END + ", " + k + "." + Kernel.DEVICE_ID + ", "
                + TimelineSelection.correlation(k) + ", " + k + "." + Kernel.SHORT_NAME + ", " + attribution;
    }

    /** Joins kernel {@code k} to its attribution row {@code a} of run ?3. */
    private String join(String k, String a) throws SQLException {
        return rows.attributionJoin(k, a, "?3");
    }
}

package org.fusescope.profiler.store;

import java.sql.SQLException;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/**
 * The statements {@link OverviewQueries} runs. Each kernel comes as {@link OverviewItems#COLUMNS}
 * columns (rowid, start, end, device, correlation id, short name id, op, fused) with its attribution
 * joined on the full read's key. Among equal starts the file order decides, as in the full read: the
 * lowest rowid first.
 */
final class OverviewSql {
    private static final String K = Kernel.TABLE;
    private static final String START = Kernel.START;
    private static final String END = Kernel.END;
    private static final String STREAM = Kernel.STREAM_ID;

    private final Catalog cat;
    private final boolean attributed;

    OverviewSql(Catalog cat, boolean ours) {
        this.cat = cat;
        this.attributed = ours && cat.has(Attribution.TABLE);
    }

    /**
     * Over the run's kernels (starting in [?1, ?2]), in one pass: count, last end, lowest and highest
     * stream, and the rowids (comma-separated text, or null) of those at least ?3 ns long. {@code
     * scan} keeps SQLite off the start index (see {@link #start}).
     */
    String extent(boolean scan) {
        String s = start("", scan);
        return "SELECT count(*), max(" + END + "), min(" + STREAM + "), max(" + STREAM + "), group_concat(CASE WHEN "
                + END + " - " + START + " >= ?3 THEN rowid END) FROM " + K + " WHERE " + s + " >= ?1 AND " + s
                + " <= ?2";
    }

    /** The kernel with rowid ?1, with its stream (column 9); attribution of run ?3. */
    String byRowid() throws SQLException {
        return "SELECT " + columns("k", "a") + ", k." + STREAM + " FROM " + K + " k" + join("k", "a")
                + " WHERE k.rowid = ?1 LIMIT 1";
    }

    /** The first kernel starting at or after ?1 (and at most at ?2). */
    String firstFrom() throws SQLException {
        return "SELECT " + columns("k", "a") + " FROM " + K + " k" + join("k", "a") + " WHERE k." + START
                + " >= ?1 AND k." + START + " <= ?2 ORDER BY k." + START + ", k.rowid LIMIT 1";
    }

    /** The last kernel starting before ?1 (and at least at ?2). */
    String lastBefore() throws SQLException {
        return "SELECT " + columns("k", "a") + " FROM " + K + " k" + join("k", "a") + " WHERE k." + START
                + " < ?1 AND k." + START + " >= ?2 ORDER BY k." + START + " DESC, k.rowid DESC LIMIT 1";
    }

    /** The first kernel of stream ?5 after start ?1 and rowid ?2 (and starting at most at ?4). */
    String nextOnStream() throws SQLException {
        return "SELECT " + columns("k", "a") + " FROM " + K + " k" + join("k", "a") + " WHERE k." + START
                + " >= ?1 AND k." + START + " <= ?4 AND (k." + START + " > ?1 OR k.rowid > ?2) AND k." + STREAM
                + " = ?5 ORDER BY k." + START + ", k.rowid LIMIT 1";
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

    /**
     * The start column, for a range over the whole run: when the run is the file's only one, a unary
     * plus keeps SQLite off the start index, whose table lookup per row only slows a full scan.
     */
    private static String start(String alias, boolean scan) {
        return (scan ? "+" : "") + alias + START;
    }

    /** The {@link OverviewItems#COLUMNS} columns of kernel {@code k} with attribution {@code a}. */
    private String columns(String k, String a) {
        String attribution = attributed ? a + "." + Attribution.OP + ", " + a + "." + Attribution.FUSED : "NULL, NULL";
        return k + ".rowid, " + k + "." + START + ", " + k + "." + END + ", " + k + "." + Kernel.DEVICE_ID
                + ", COALESCE(" + k + "." + Kernel.CORRELATION_ID + ", 0), " + k + "." + Kernel.SHORT_NAME + ", "
                + attribution;
    }

    /** Joins kernel {@code k} to its attribution row {@code a} of run ?3, on the full read's key. */
    private String join(String k, String a) throws SQLException {
        if (!attributed) {
            return "";
        }
        String node = "COALESCE(" + cat.column(k, K, Kernel.GRAPH_NODE_ID, "0") + ", 0)";
        return " LEFT JOIN " + Attribution.TABLE + " " + a + " ON " + a + "." + Attribution.RUN_ID + " = ?3 AND " + a
                + "." + Attribution.CORRELATION_ID + " = COALESCE(" + k + "." + Kernel.CORRELATION_ID + ", 0) AND " + a
                + "." + Attribution.GRAPH_NODE_ID + " = " + node;
    }
}

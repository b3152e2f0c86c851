package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/**
 * Reads the {@link KernelOverview} of a run without reading each kernel: one pass in C for the run's
 * extent and streams, one for its long kernels, then per bucket edge an index seek to the first
 * kernel at or after it and the last before it (per stream, when the run has several, one aggregate
 * query per bucket). The reader so gets a few rows per pixel column instead of one JNI call per
 * column per kernel.
 */
final class OverviewQueries {
    private final Connection conn;
    private final Catalog cat;
    private final StringIdMap strings;
    private final RunInfo run;
    private final OverviewSql sql;

    /** An overview of the kernels {@code rows} selects. */
    OverviewQueries(Connection conn, Catalog cat, StringIdMap strings, TimelineSelection rows) {
        this.conn = conn;
        this.cat = cat;
        this.strings = strings;
        this.run = rows.run();
        this.sql = new OverviewSql(rows);
    }

    /**
     * The overview on {@code grid}, or null when the run has fewer than {@code minKernels} kernels (or
     * none) or the file has no index on kernel starts (then every seek would scan the kernel table).
     *
     * @throws IllegalArgumentException when the grid's buckets do not cover the run's kernels
     */
    KernelOverview read(OverviewGrid grid, int minKernels) throws SQLException {
        if (!cat.indexed(Kernel.TABLE, Kernel.START) || countUpTo(Math.max(1, minKernels)) < Math.max(1, minKernels)) {
            return null;
        }
        long first = startBound("min");
        long lastStart = startBound("max");
        // the last end is not known before the pass that finds it: the kernels long by the span of the
        // starts are candidates, a superset of those long by the span to the last end
        long candidateNs = Math.max(1, grid.longKernelNs(first, lastStart));
        Extent extent = extent(candidateNs);
        // an end before its start (a broken row) must not leave the last start outside the buckets
        long lastEnd = Math.max(extent.lastEnd(), lastStart);
        long[] edges = grid.bucketStarts(first, lastEnd);
        long longNs = grid.longKernelNs(first, lastEnd);
        check(edges, longNs, first, lastEnd);
        if (longNs < candidateNs) {
            throw new IllegalArgumentException("the grid's long-kernel length must not shrink as the span grows: "
                    + candidateNs + " ns to " + lastStart + ", " + longNs + " ns to " + lastEnd);
        }
        OverviewItems items = new OverviewItems(new LocalStrings(strings));
        if (extent.oneStream()) {
            readAroundEdges(edges, extent.stream(), items);
        } else {
            readBuckets(edges, items);
        }
        readLongKernels(extent.longCandidates(), longNs, items);
        return new KernelOverview(items.kernels(), extent.count(), first, lastEnd, edges, longNs);
    }

    /** What one pass over the run's kernels finds; {@code longCandidates}: comma-separated rowids, or null. */
    private record Extent(int count, long lastEnd, int stream, boolean oneStream, String longCandidates) {}

    private static void check(long[] edges, long longNs, long first, long lastEnd) {
        boolean ascending = edges.length >= 2;
        for (int i = 1; i < edges.length && ascending; i++) {
            ascending = edges[i - 1] <= edges[i];
        }
        if (!ascending
                || edges.length - 1 > KernelOverview.MAX_BUCKETS
                || edges[0] > first
                || edges[edges.length - 1] <= lastEnd) {
            throw new IllegalArgumentException(
                    "overview buckets must ascend from at most the first kernel start (" + first
                            + " ns) to after the last kernel end (" + lastEnd + " ns), at most "
                            + KernelOverview.MAX_BUCKETS + " of them");
        }
        if (longNs < 1) {
            throw new IllegalArgumentException("long kernels must be at least 1 ns long, not " + longNs);
        }
    }

    /**
     * One stream: the first kernel at or after each edge and the last before it, by index seeks. Over
     * all edges these are the first and last kernel of each bucket that has any.
     */
    private void readAroundEdges(long[] edges, int stream, OverviewItems items) throws SQLException {
        try (PreparedStatement firstFrom = conn.prepareStatement(sql.firstFrom());
                PreparedStatement lastBefore = conn.prepareStatement(sql.lastBefore())) {
            long previous = Long.MIN_VALUE;
            for (long edge : edges) {
                if (edge == previous) {
                    continue;
                }
                previous = edge;
                readOne(firstFrom, stream, items, edge, run.endNs(), run.id());
                readOne(lastBefore, stream, items, edge, run.startNs(), run.id());
            }
        }
    }

    /** Several streams: per bucket, the first and last kernel of each stream, grouped by SQLite. */
    private void readBuckets(long[] edges, OverviewItems items) throws SQLException {
        try (PreparedStatement groups = conn.prepareStatement(sql.firstAndLastPerStream())) {
            for (int b = 0; b + 1 < edges.length; b++) {
                if (edges[b] == edges[b + 1]) {
                    continue;
                }
                bind(groups, edges[b], edges[b + 1], run.id(), run.endNs());
                boolean seen = false;
                int lastStream = 0;
                try (ResultSet rs = groups.executeQuery()) {
                    while (rs.next()) {
                        int stream = rs.getInt(1);
                        if (seen && stream == lastStream) {
                            continue; // a second attribution row of the same kernel: the first wins, as in the full
                            // read
                        }
                        seen = true;
                        lastStream = stream;
                        items.add(rs, 2, stream);
                        items.add(rs, 2 + OverviewItems.COLUMNS, stream);
                    }
                }
            }
        }
    }

    /**
     * Every kernel at least {@code longNs} long (of the {@code candidates}, comma-separated rowids),
     * and the kernel after each on its stream.
     */
    private void readLongKernels(String candidates, long longNs, OverviewItems items) throws SQLException {
        if (candidates == null || candidates.isEmpty()) {
            return;
        }
        try (PreparedStatement byRowid = conn.prepareStatement(sql.byRowid());
                PreparedStatement next = conn.prepareStatement(sql.nextOnStream())) {
            for (String candidate : candidates.split(",")) {
                long row = Long.parseLong(candidate.trim());
                bind(byRowid, row, 0, run.id());
                try (ResultSet rs = byRowid.executeQuery()) {
                    if (!rs.next() || rs.getLong(3) - rs.getLong(2) < longNs) {
                        continue;
                    }
                    int stream = rs.getInt(OverviewItems.COLUMNS + 1);
                    items.add(rs, 1, stream);
                    readOne(next, stream, items, rs.getLong(2), row, run.id(), run.endNs(), stream);
                }
            }
        }
    }

    /** Runs a statement for at most one kernel (of {@code stream}) and adds it. */
    private static void readOne(PreparedStatement ps, int stream, OverviewItems items, long... parameters)
            throws SQLException {
        bind(ps, parameters);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                items.add(rs, 1, stream);
            }
        }
    }

    /**
     * Binds ?1, ?2, … in turn; values past the statement's last parameter are dropped (the
     * attribution's run, ?3, where a statement has no attribution to join).
     */
    private static void bind(PreparedStatement ps, long... parameters) throws SQLException {
        int used = ps.getParameterMetaData().getParameterCount();
        for (int i = 0; i < parameters.length && i < used; i++) {
            ps.setLong(i + 1, parameters[i]);
        }
    }

    /** The run's kernels, counted on the start index up to {@code limit}. */
    private long countUpTo(long limit) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(OverviewSql.countUpTo())) {
            bind(ps, run.startNs(), run.endNs(), limit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The earliest ({@code min}) or latest ({@code max}) kernel start of the run: one index seek. */
    private long startBound(String minOrMax) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(OverviewSql.startBound(minOrMax))) {
            bind(ps, run.startNs(), run.endNs());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One pass over the run's kernels; {@code longNs}: which rowids to list as long. */
    private Extent extent(long longNs) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql.extent())) {
            bind(ps, run.startNs(), run.endNs(), longNs);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Extent(
                        rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getInt(3) == rs.getInt(4), rs.getString(5));
            }
        }
    }
}

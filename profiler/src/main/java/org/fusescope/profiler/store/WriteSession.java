package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.store.TraceSchema.StringIds;

/**
 * The connection, the open batches and the string table of one writer. Commits every {@link
 * #COMMIT_ROWS} rows, so that a crash loses at most the rows queued since the last commit.
 */
final class WriteSession implements AutoCloseable {
    static final int COMMIT_ROWS = 50_000;

    private final Connection conn;
    private final List<BatchInsert> inserts = new ArrayList<>();
    private final Map<String, Long> stringIds = new HashMap<>();
    private final BatchInsert strings;
    private final List<Drain> drains = new ArrayList<>();
    private long rowsSinceCommit;

    WriteSession(Connection conn) throws SQLException {
        this.conn = conn;
        this.strings = insert(Sql.insert(StringIds.TABLE, StringIds.ID, StringIds.VALUE));
    }

    Connection connection() {
        return conn;
    }

    /** A batched INSERT that {@link #flush()} executes with the others. */
    BatchInsert insert(String sql) throws SQLException {
        BatchInsert b = new BatchInsert(conn, sql);
        inserts.add(b);
        return b;
    }

    /** Something that holds rows back (for multi-row inserts) and must queue them before a commit. */
    interface Drain {
        void drain() throws SQLException;
    }

    void onFlush(Drain drain) {
        drains.add(drain);
    }

    /** The StringIds id of {@code s}, adding the row on first use. */
    long stringId(String s) throws SQLException {
        Long id = stringIds.get(s);
        if (id != null) {
            return id;
        }
        long next = stringIds.size();
        stringIds.put(s, next);
        strings.row().setLong(1, next);
        strings.row().setString(2, s);
        counted(strings.add());
        return next;
    }

    /** Counts queued rows and commits when the interval is reached. */
    void counted(int rows) throws SQLException {
        rowsSinceCommit += rows;
        if (rowsSinceCommit >= COMMIT_ROWS) {
            flush();
        }
    }

    /** Executes every queued batch and commits. */
    void flush() throws SQLException {
        for (Drain d : drains) {
            d.drain();
        }
        // StringIds first: a reader that sees a kernel must also see its name.
        strings.execute();
        for (BatchInsert b : inserts) {
            b.execute();
        }
        conn.commit();
        rowsSinceCommit = 0;
    }

    @Override
    public void close() throws SQLException {
        for (BatchInsert b : inserts) {
            b.close();
        }
    }
}

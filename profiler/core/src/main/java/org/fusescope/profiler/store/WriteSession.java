package org.fusescope.profiler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
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
    private boolean flushing;

    WriteSession(Connection conn) throws SQLException {
        this.conn = conn;
        this.strings = insert(Sql.insert(StringIds.TABLE, StringIds.ID, StringIds.VALUE));
    }

    /** Opens a new database file for recording and creates every table. */
    static Connection create(Path file) throws SQLException {
        SqliteNatives.load();
        Connection conn = DriverManager.getConnection(SqliteUrl.of(file));
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA page_size = 16384");
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = OFF");
            st.execute("PRAGMA cache_size = -65536");
            st.execute("PRAGMA temp_store = MEMORY");
            conn.setAutoCommit(false);
            for (String ddl : Ddl.all()) {
                st.execute(ddl);
            }
            for (String ddl : Ddl.indexes()) {
                st.execute(ddl);
            }
            EnumRows.insertAll(conn);
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
        return conn;
    }

    /**
     * How long {@link #finish()} waits for readers before it leaves the file in WAL mode: a reader
     * (the workbench watching a live recording, an {@code info} in a loop) must never fail a recording.
     */
    static final int READER_WAIT_MS = 250;

    /**
     * Commits and closes the connection. Without readers it turns the file back into a single
     * self-contained file (WAL checkpointed, rollback journal). While a reader has it open, that switch
     * is impossible; the file then stays in WAL mode, checkpointed as far as the readers allow, which
     * every reader handles.
     *
     * @return true if the file is self-contained, false if it stays in WAL mode for readers
     */
    boolean finish() throws SQLException {
        try (Statement st = conn.createStatement()) {
            flush();
            close();
            conn.setAutoCommit(true);
            st.execute("PRAGMA busy_timeout = " + READER_WAIT_MS);
            return WalCheckpoint.toRollbackJournal(st);
        } finally {
            conn.close();
        }
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

    /**
     * Something that must queue rows before every commit: rows held back for multi-row inserts, or
     * synthesized launches. Runs in registration order; what it counts never triggers a nested commit.
     */
    interface Drain {
        void drain() throws SQLException;
    }

    void onFlush(Drain drain) {
        drains.add(drain);
    }

    /** A step of writing that may fail with an SQLException, which the writer reports with its file. */
    interface Action {
        void run() throws SQLException;
    }

    /** Writes one row of a collection. */
    interface RowAction<T> {
        void add(T row) throws SQLException;
    }

    static <T> void each(Collection<T> rows, RowAction<T> action) throws SQLException {
        for (T row : rows) {
            action.add(row);
        }
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
        if (rowsSinceCommit >= COMMIT_ROWS && !flushing) {
            flush();
        }
    }

    /** Executes every queued batch and commits. */
    void flush() throws SQLException {
        flushing = true;
        try {
            for (Drain d : drains) {
                d.drain();
            }
        } finally {
            flushing = false;
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

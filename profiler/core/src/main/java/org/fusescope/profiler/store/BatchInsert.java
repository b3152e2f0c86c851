package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One prepared INSERT, fed through JDBC batches; the caller binds parameters, then calls {@link #add()}. */
final class BatchInsert implements AutoCloseable {
    private static final int BATCH_ROWS = 4096;

    private final PreparedStatement statement;
    private int pending;

    BatchInsert(Connection conn, String sql) throws SQLException {
        this.statement = conn.prepareStatement(sql);
    }

    PreparedStatement row() {
        return statement;
    }

    /** Queues the bound row; returns 1 so callers can count rows for the commit interval. */
    int add() throws SQLException {
        statement.addBatch();
        if (++pending >= BATCH_ROWS) {
            execute();
        }
        return 1;
    }

    void execute() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}

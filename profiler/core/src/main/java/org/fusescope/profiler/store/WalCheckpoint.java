package org.fusescope.profiler.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The last step of a writer: from WAL mode back to a rollback journal, unless readers prevent it. */
final class WalCheckpoint {
    private WalCheckpoint() {}

    /**
     * Checkpoints the WAL and switches to {@code journal_mode = DELETE}. A reader holding the file
     * makes the switch fail with SQLITE_BUSY (or a checkpoint report busy); the file then stays in
     * WAL mode, with every frame the readers allow copied into the database.
     *
     * @return true if the file now uses a rollback journal and has no WAL
     */
    static boolean toRollbackJournal(Statement st) throws SQLException {
        try {
            if (checkpoint(st, "TRUNCATE")) {
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
                    if (rs.next() && "delete".equalsIgnoreCase(rs.getString(1))) {
                        return true;
                    }
                }
            }
        } catch (SQLiteException e) {
            if (!isBusy(e)) {
                throw e;
            }
        }
        passiveCheckpoint(st);
        return false;
    }

    /** Copies what the readers allow into the database; a busy reader is no error here. */
    private static void passiveCheckpoint(Statement st) throws SQLException {
        try {
            checkpoint(st, "PASSIVE");
        } catch (SQLiteException e) {
            if (!isBusy(e)) {
                throw e;
            }
        }
    }

    /** Runs a checkpoint; true if it was not blocked by a reader or writer. */
    private static boolean checkpoint(Statement st, String mode) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    private static boolean isBusy(SQLiteException e) {
        SQLiteErrorCode code = e.getResultCode();
        return code == SQLiteErrorCode.SQLITE_BUSY
                || code == SQLiteErrorCode.SQLITE_LOCKED
                || code.code % 256 == SQLiteErrorCode.SQLITE_BUSY.code;
    }
}

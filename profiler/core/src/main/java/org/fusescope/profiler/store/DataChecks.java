package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.Runs;
import org.fusescope.profiler.store.TraceSchema.StringIds;

/**
 * Checks of the core data every reader relies on, over the whole file (issue 17, failure 5): a
 * missing kernel or string table, kernel rows with NULL names, kernel rows whose start is NULL, not
 * an integer or negative (the run queries leave those out), and a recording without runs. Each is a
 * {@link Problem} with code {@code damaged-data} naming the table, the column and the row count; the
 * sound rows are still read.
 */
final class DataChecks {
    static final String CODE = "damaged-data";

    private DataChecks() {}

    static List<Problem> of(Connection conn, Catalog catalog, boolean ours) throws SQLException {
        List<Problem> out = new ArrayList<>();
        if (ours && (!catalog.has(Runs.TABLE) || count(conn, Runs.TABLE, "1") == 0)) {
            out.add(problem(Runs.TABLE + " has no rows: the recording holds no run"));
        }
        if (!catalog.has(Kernel.TABLE)) {
            out.add(problem(Kernel.TABLE + " is missing: the recording shows no kernels"));
            return out;
        }
        long kernels = count(conn, Kernel.TABLE, "1");
        if (!catalog.has(StringIds.TABLE)) {
            out.add(problem(StringIds.TABLE + " is missing: the names of all " + kernels + " rows of " + Kernel.TABLE
                    + " are unknown (shown as ?)"));
        }
        long nullNames = count(conn, Kernel.TABLE, Kernel.SHORT_NAME + " IS NULL");
        if (nullNames > 0) {
            out.add(problem(Kernel.TABLE + "." + Kernel.SHORT_NAME + " is NULL in " + nullNames + " of " + kernels
                    + " rows: those kernels are shown as ?"));
        }
        long badStarts =
                count(conn, Kernel.TABLE, "typeof(" + Kernel.START + ") <> 'integer' OR " + Kernel.START + " < 0");
        if (badStarts > 0) {
            out.add(problem(Kernel.TABLE + "." + Kernel.START + " is NULL, not an integer or negative in " + badStarts
                    + " of " + kernels + " rows: those kernels are left out"));
        }
        return out;
    }

    private static Problem problem(String message) {
        return new Problem(Severity.WARNING, CODE, message, -1, -1, -1);
    }

    private static long count(Connection conn, String table, String where) throws SQLException {
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}

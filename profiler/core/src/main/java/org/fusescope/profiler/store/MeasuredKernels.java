package org.fusescope.profiler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.store.TraceSchema.NcuMetrics;

/**
 * The {@code FS_NCU_METRICS} table: Nsight Compute's counters per recorded kernel, keyed by run and
 * kernel start. Written into a database FuseScope is producing (never an input), read by {@link
 * TraceReader#measuredKernels}. NaN is stored as NULL.
 */
public final class MeasuredKernels {
    private static final List<String> VALUES = List.of(
            NcuMetrics.DURATION,
            NcuMetrics.DRAM_READ,
            NcuMetrics.DRAM_WRITE,
            NcuMetrics.DRAM_PCT,
            NcuMetrics.SM_PCT,
            NcuMetrics.OCCUPANCY_PCT,
            NcuMetrics.L2_HIT_PCT);

    private MeasuredKernels() {}

    /** A consistent copy of the database {@code db} (its WAL included) into {@code target}, which is replaced. */
    public static void copy(Path db, Path target) {
        try (Connection c = TraceFiles.openReadOnly(db);
                Statement st = c.createStatement()) {
            // sqlite-jdbc's online backup: reads db through SQLite, never writes to it
            String to = target.toAbsolutePath().toString();
            if (to.contains("\"")) {
                throw new TraceFileException(target, "a copy's path may not contain a double quote");
            }
            st.executeUpdate("backup to \"" + to + "\"");
        } catch (SQLException e) {
            throw new TraceFileException(db, "cannot copy to " + target, e);
        }
    }

    /** Adds the run's measured kernels to {@code file}, replacing the run's earlier ones. */
    public static void write(Path file, long runId, Collection<MeasuredKernel> kernels) {
        try (Connection c = DriverManager.getConnection(SqliteUrl.of(file))) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + NcuMetrics.TABLE + " (" + NcuMetrics.RUN_ID
                        + " INTEGER NOT NULL, "
                        + NcuMetrics.KERNEL_START + " INTEGER NOT NULL, " + NcuMetrics.LAUNCH_ID + " INTEGER NOT NULL, "
                        + String.join(" REAL, ", VALUES) + " REAL)");
                st.execute("DELETE FROM " + NcuMetrics.TABLE + " WHERE " + NcuMetrics.RUN_ID + " = " + runId);
            }
            String insert = Sql.insert(NcuMetrics.TABLE, columns().toArray(String[]::new));
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (MeasuredKernel k : kernels) {
                    ps.setLong(1, runId);
                    ps.setLong(2, k.kernelStartNs());
                    ps.setInt(3, k.launchId());
                    double[] v = values(k);
                    for (int i = 0; i < v.length; i++) {
                        if (Double.isNaN(v[i])) {
                            ps.setNull(4 + i, java.sql.Types.REAL);
                        } else {
                            ps.setDouble(4 + i, v[i]);
                        }
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot store Nsight Compute metrics", e);
        }
    }

    static List<MeasuredKernel> read(Connection c, Catalog catalog, long runId) throws SQLException {
        List<MeasuredKernel> out = new ArrayList<>();
        if (!catalog.has(NcuMetrics.TABLE)) {
            return out;
        }
        String sql = "SELECT " + String.join(", ", columns()) + " FROM " + NcuMetrics.TABLE + " WHERE "
                + NcuMetrics.RUN_ID + " = ? ORDER BY " + NcuMetrics.KERNEL_START;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] v = new double[VALUES.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getDouble(4 + i);
                        v[i] = rs.wasNull() ? Double.NaN : v[i];
                    }
                    out.add(new MeasuredKernel(rs.getLong(2), rs.getInt(3), v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
                }
            }
        }
        return out;
    }

    private static List<String> columns() {
        List<String> all = new ArrayList<>(List.of(NcuMetrics.RUN_ID, NcuMetrics.KERNEL_START, NcuMetrics.LAUNCH_ID));
        all.addAll(VALUES);
        return all;
    }

    private static double[] values(MeasuredKernel k) {
        return new double[] {
            k.durationNs(),
            k.dramReadBytes(),
            k.dramWriteBytes(),
            k.dramThroughputPct(),
            k.smThroughputPct(),
            k.achievedOccupancyPct(),
            k.l2HitRatePct()
        };
    }
}

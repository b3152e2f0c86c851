package org.fusescope.profiler.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.store.TraceSchema.DevicePerf;
import org.fusescope.profiler.store.TraceSchema.Runs;
import org.fusescope.profiler.store.TraceSchema.TargetGpu;

/** Writes the rare rows (runs, devices): plain statements, committed by the caller. */
final class RunRows {
    static final ObjectMapper JSON = new ObjectMapper();

    private RunRows() {}

    static void insertRun(Connection conn, long id, RunInfo r) throws SQLException {
        String sql = Sql.insert(
                Runs.TABLE,
                Runs.ID,
                Runs.NAME,
                Runs.VARIANT,
                Runs.FUSIONS,
                Runs.CONFIG_JSON,
                Runs.BATCH,
                Runs.MODE,
                Runs.LAYERS,
                Runs.START_NS,
                Runs.END_NS,
                Runs.START_EPOCH_MS,
                Runs.HOST,
                Runs.STATUS,
                Runs.SYNTHETIC,
                Runs.DEVICE_ID);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setString(2, r.name());
            ps.setString(3, r.variant());
            ps.setString(4, fusionsJson(r));
            ps.setString(5, r.configJson());
            ps.setInt(6, r.batch());
            ps.setString(7, r.mode());
            ps.setInt(8, r.layers());
            ps.setLong(9, r.startNs());
            ps.setNull(10, Types.INTEGER);
            ps.setLong(11, r.startEpochMs());
            ps.setString(12, r.host());
            ps.setString(13, RunStatus.INCOMPLETE.word());
            ps.setInt(14, r.synthetic() ? 1 : 0);
            ps.setInt(15, r.deviceId());
            ps.executeUpdate();
        }
    }

    /** Returns false when no run has this id. */
    static boolean endRun(Connection conn, long id, long endNs, RunStatus status) throws SQLException {
        String sql = "UPDATE " + Runs.TABLE + " SET " + Runs.END_NS + " = ?, " + Runs.STATUS + " = ? WHERE " + Runs.ID
                + " = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (endNs == Long.MAX_VALUE) {
                ps.setNull(1, Types.INTEGER);
            } else {
                ps.setLong(1, endNs);
            }
            ps.setString(2, status.word());
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    static void insertDevice(Connection conn, DeviceInfo d) throws SQLException {
        String sql = Sql.insert(
                TargetGpu.TABLE,
                TargetGpu.VM_ID,
                TargetGpu.ID,
                TargetGpu.NAME,
                TargetGpu.IS_DISCRETE,
                TargetGpu.L2_CACHE_SIZE,
                TargetGpu.TOTAL_MEMORY,
                TargetGpu.MEMORY_BANDWIDTH,
                TargetGpu.CLOCK_RATE,
                TargetGpu.SM_COUNT,
                TargetGpu.COMPUTE_MAJOR,
                TargetGpu.COMPUTE_MINOR);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setInt(1, 0);
            ps.setInt(2, d.id());
            ps.setString(3, d.name());
            ps.setInt(4, 1);
            ps.setLong(5, d.l2CacheBytes());
            ps.setLong(6, d.totalMemoryBytes());
            ps.setLong(7, d.memoryBandwidthBytesPerSec());
            ps.setLong(8, d.clockRateHz());
            ps.setInt(9, d.smCount());
            ps.setInt(10, d.computeMajor());
            ps.setInt(11, d.computeMinor());
            ps.executeUpdate();
        }
        String perf = "INSERT OR REPLACE INTO " + DevicePerf.TABLE + " (" + DevicePerf.DEVICE_ID + ", "
                + DevicePerf.MEASURED_BANDWIDTH + ", " + DevicePerf.PEAK_FLOPS + ") VALUES (?, ?, ?)";
        try (PreparedStatement ps = conn.prepareStatement(perf)) {
            ps.setInt(1, d.id());
            ps.setDouble(2, d.measuredBandwidthBytesPerSec());
            ps.setDouble(3, d.peakFlopsPerSec());
            ps.executeUpdate();
        }
    }

    private static String fusionsJson(RunInfo r) {
        try {
            return JSON.writeValueAsString(r.fusions());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fusions of run " + r.name(), e);
        }
    }
}

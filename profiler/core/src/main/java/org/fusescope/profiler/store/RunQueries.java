package org.fusescope.profiler.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.DevicePerf;
import org.fusescope.profiler.store.TraceSchema.GpuActivity;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.Memcpy;
import org.fusescope.profiler.store.TraceSchema.Memset;
import org.fusescope.profiler.store.TraceSchema.MetaData;
import org.fusescope.profiler.store.TraceSchema.Nvtx;
import org.fusescope.profiler.store.TraceSchema.Runs;
import org.fusescope.profiler.store.TraceSchema.Sync;
import org.fusescope.profiler.store.TraceSchema.TargetGpu;

/** Reads runs, devices and metadata; invents the one run of an nsys export. */
final class RunQueries {
    private RunQueries() {}

    static List<RunInfo> runs(Connection conn, Catalog cat, Path file, List<DeviceInfo> devices) throws SQLException {
        if (!cat.has(Runs.TABLE)) {
            return List.of(nsysRun(conn, cat, file, devices));
        }
        List<RunInfo> runs = new ArrayList<>();
        String sql = Sql.select(
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
                        Runs.DEVICE_ID)
                + " ORDER BY " + Runs.ID;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long end = rs.getLong(10);
                end = rs.wasNull() ? Long.MAX_VALUE : end;
                runs.add(new RunInfo(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        fusions(rs.getString(4)),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getLong(9),
                        end,
                        rs.getLong(11),
                        rs.getString(12),
                        RunStatus.ofWord(rs.getString(13)),
                        rs.getInt(14) != 0,
                        rs.getInt(15)));
            }
        }
        return runs;
    }

    private static RunInfo nsysRun(Connection conn, Catalog cat, Path file, List<DeviceInfo> devices)
            throws SQLException {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (String table : List.of(Kernel.TABLE, CudaApi.TABLE, Memcpy.TABLE, Memset.TABLE, Sync.TABLE, Nvtx.TABLE)) {
            if (cat.has(table)) {
                String sql = "SELECT MIN(" + GpuActivity.START + "), MAX(" + GpuActivity.START + "), MAX("
                        + GpuActivity.END + ") FROM " + table;
                try (Statement st = conn.createStatement();
                        ResultSet rs = st.executeQuery(sql)) {
                    if (rs.next() && rs.getObject(1) != null) {
                        start = Math.min(start, rs.getLong(1));
                        end = Math.max(end, Math.max(rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
        }
        if (start > end) {
            start = 0;
            end = 0;
        }
        int device = devices.isEmpty() ? 0 : devices.get(0).id();
        return new RunInfo(
                1,
                String.valueOf(file.getFileName()),
                "nsys",
                List.of(),
                "{}",
                0,
                "",
                0,
                start,
                end,
                0,
                "",
                RunStatus.COMPLETE,
                false,
                device);
    }

    private static List<String> fusions(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        if (stored.trim().startsWith("[")) {
            try {
                return RunRows.JSON.readValue(stored, new TypeReference<List<String>>() {});
            } catch (IOException e) {
                // fall through: read it as the comma-separated form
            }
        }
        return Arrays.stream(stored.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static List<DeviceInfo> devices(Connection conn, Catalog cat) throws SQLException {
        List<DeviceInfo> out = new ArrayList<>();
        if (!cat.has(TargetGpu.TABLE)) {
            return out;
        }
        boolean perf = cat.has(DevicePerf.TABLE);
        String sql = "SELECT "
                + String.join(
                        ", ",
                        cat.column("g", TargetGpu.TABLE, TargetGpu.ID, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.NAME, "NULL"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.SM_COUNT, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.TOTAL_MEMORY, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.MEMORY_BANDWIDTH, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.CLOCK_RATE, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.COMPUTE_MAJOR, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.COMPUTE_MINOR, "0"),
                        cat.column("g", TargetGpu.TABLE, TargetGpu.L2_CACHE_SIZE, "0"),
                        perf ? "p." + DevicePerf.MEASURED_BANDWIDTH : "NULL",
                        perf ? "p." + DevicePerf.PEAK_FLOPS : "NULL")
                + " FROM " + TargetGpu.TABLE + " g"
                + (perf
                        ? " LEFT JOIN " + DevicePerf.TABLE + " p ON p." + DevicePerf.DEVICE_ID + " = g." + TargetGpu.ID
                        : "");
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new DeviceInfo(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getLong(9),
                        orNaN(rs, 10),
                        orNaN(rs, 11)));
            }
        }
        return out;
    }

    static double orNaN(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    static Map<String, String> metadata(Connection conn, Catalog cat) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (cat.has(MetaData.TABLE)) {
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery(Sql.select(MetaData.TABLE, MetaData.NAME, MetaData.VALUE))) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}

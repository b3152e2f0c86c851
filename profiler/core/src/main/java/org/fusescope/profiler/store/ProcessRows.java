package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.store.TraceSchema.MetaData;
import org.fusescope.profiler.store.TraceSchema.Processes;
import org.fusescope.profiler.store.TraceSchema.ThreadNames;

/** Writes the one-off rows of a writer: PROCESSES, ThreadNames, META_DATA_EXPORT and devices. */
final class ProcessRows {
    private final WriteSession session;
    private final Connection conn;
    private final Set<Long> namedThreads = new HashSet<>();
    private final Set<Integer> devices = new HashSet<>();
    private long globalPid;

    ProcessRows(WriteSession session) {
        this.session = session;
        this.conn = session.connection();
    }

    /** The serialized id ({@code pid << 24}) of the last process recorded, 0 before any. */
    long globalPid() {
        return globalPid;
    }

    void process(int pid, String processName) throws SQLException {
        globalPid = (long) pid << 24;
        try (PreparedStatement ps = conn.prepareStatement(
                Sql.insert(Processes.TABLE, Processes.GLOBAL_PID, Processes.PID, Processes.NAME))) {
            ps.setLong(1, globalPid);
            ps.setInt(2, pid);
            ps.setString(3, processName);
            ps.executeUpdate();
        }
    }

    /** Names a thread once; later names of the same thread are ignored. */
    void threadName(long globalTid, String name) throws SQLException {
        if (!namedThreads.add(globalTid)) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement(
                Sql.insert(ThreadNames.TABLE, ThreadNames.NAME_ID, ThreadNames.PRIORITY, ThreadNames.GLOBAL_TID))) {
            ps.setLong(1, session.stringId(name));
            ps.setInt(2, 0);
            ps.setLong(3, globalTid);
            ps.executeUpdate();
        }
    }

    void device(DeviceInfo device) throws SQLException {
        if (devices.add(device.id())) {
            RunRows.insertDevice(conn, device);
        }
    }

    void metadata(String name, String value) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(Sql.insert(MetaData.TABLE, MetaData.NAME, MetaData.VALUE))) {
            ps.setString(1, name);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}

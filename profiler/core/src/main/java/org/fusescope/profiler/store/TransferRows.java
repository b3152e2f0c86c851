package org.fusescope.profiler.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.SyncEvent;
import org.fusescope.profiler.store.TraceSchema.Memcpy;
import org.fusescope.profiler.store.TraceSchema.Memset;
import org.fusescope.profiler.store.TraceSchema.Sync;

/** Writes memcpy, memset and synchronization rows. */
final class TransferRows {
    private final WriteSession session;
    private final BatchInsert memcpys;
    private final BatchInsert memsets;
    private final BatchInsert syncs;

    TransferRows(WriteSession session) throws SQLException {
        this.session = session;
        this.memcpys = session.insert(Sql.insert(
                Memcpy.TABLE,
                Memcpy.START,
                Memcpy.END,
                Memcpy.DEVICE_ID,
                Memcpy.CONTEXT_ID,
                Memcpy.STREAM_ID,
                Memcpy.CORRELATION_ID,
                Memcpy.GLOBAL_PID,
                Memcpy.BYTES,
                Memcpy.COPY_KIND,
                Memcpy.SRC_KIND,
                Memcpy.DST_KIND));
        this.memsets = session.insert(Sql.insert(
                Memset.TABLE,
                Memset.START,
                Memset.END,
                Memset.DEVICE_ID,
                Memset.CONTEXT_ID,
                Memset.STREAM_ID,
                Memset.CORRELATION_ID,
                Memset.GLOBAL_PID,
                Memset.VALUE,
                Memset.BYTES,
                Memset.MEM_KIND));
        this.syncs = session.insert(Sql.insert(
                Sync.TABLE,
                Sync.START,
                Sync.END,
                Sync.DEVICE_ID,
                Sync.CONTEXT_ID,
                Sync.STREAM_ID,
                Sync.CORRELATION_ID,
                Sync.GLOBAL_PID,
                Sync.SYNC_TYPE,
                Sync.EVENT_ID));
    }

    private static void common(
            PreparedStatement ps, long start, long end, int device, int context, int stream, long corr, long globalPid)
            throws SQLException {
        ps.setLong(1, start);
        ps.setLong(2, end);
        ps.setInt(3, device);
        ps.setInt(4, context);
        ps.setInt(5, stream);
        ps.setLong(6, corr);
        ps.setLong(7, globalPid);
    }

    void add(MemcpyEvent m, long globalPid) throws SQLException {
        PreparedStatement ps = memcpys.row();
        common(ps, m.startNs(), m.endNs(), m.deviceId(), m.contextId(), m.streamId(), m.correlationId(), globalPid);
        ps.setLong(8, m.bytes());
        ps.setInt(9, m.copyKind().id());
        ps.setInt(10, m.srcKind().id());
        ps.setInt(11, m.dstKind().id());
        session.counted(memcpys.add());
    }

    void add(MemsetEvent m, long globalPid) throws SQLException {
        PreparedStatement ps = memsets.row();
        common(ps, m.startNs(), m.endNs(), m.deviceId(), m.contextId(), m.streamId(), m.correlationId(), globalPid);
        ps.setInt(8, m.value());
        ps.setLong(9, m.bytes());
        ps.setInt(10, m.memKind().id());
        session.counted(memsets.add());
    }

    void add(SyncEvent s, long globalPid) throws SQLException {
        PreparedStatement ps = syncs.row();
        common(ps, s.startNs(), s.endNs(), s.deviceId(), s.contextId(), s.streamId(), s.correlationId(), globalPid);
        ps.setInt(8, s.syncType().id());
        ps.setLong(9, s.eventId());
        session.counted(syncs.add());
    }
}

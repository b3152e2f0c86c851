package org.fusescope.profiler.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.SyncEvent;
import org.fusescope.profiler.store.TraceSchema.MetaData;
import org.fusescope.profiler.store.TraceSchema.Processes;
import org.fusescope.profiler.store.TraceSchema.ThreadNames;

/**
 * Writes a new trace database: Nsight-Systems-compatible core tables plus FuseScope's FS_ tables.
 * Times are ns on the CUPTI clock, sizes bytes.
 *
 * <p><b>Not thread-safe</b>: one writer thread owns it (the CUPTI buffer-completion callback should
 * hand records to that thread).
 *
 * <p><b>Durability</b>: the file is in WAL mode with {@code synchronous=OFF} while recording. Rows
 * are committed every {@value WriteSession#COMMIT_ROWS} rows, on {@link #flush()}, and at {@link
 * #beginRun}/{@link #endRun}. A crash of the recording process (CUDA fault, kill -9, halt) loses at
 * most the rows since the last commit, because committed pages are already in the OS page cache;
 * only an OS crash or power loss can lose committed rows, which a profiling session can afford.
 *
 * <p>Every kernel is guaranteed one CUPTI_ACTIVITY_KIND_RUNTIME row with its correlationId, on a
 * thread that has a ThreadNames row: a kernel whose {@link ApiCall} was never given gets a
 * synthesized zero-length {@code cuLaunchKernel} (or {@code cuGraphLaunch}) at its start, on a
 * placeholder thread whose tid is {@code 0xFFFFFF}, written at {@link #endRun} or {@link #close}.
 * {@link TraceReader} leaves those synthesized calls out.
 */
public final class TraceWriter implements AutoCloseable {
    private final Path file;
    private final Connection conn;
    private final WriteSession session;
    private final KernelRows kernels;
    private final ApiRows api;
    private final TransferRows transfers;
    private final FsRows fs;
    private final Set<Long> namedThreads = new HashSet<>();
    private final Set<Integer> devices = new HashSet<>();
    private long globalPid;
    private long nextRunId = 1;
    private boolean closed;

    private TraceWriter(Path file, Connection conn) throws SQLException {
        this.file = file;
        this.conn = conn;
        this.session = new WriteSession(conn);
        this.kernels = new KernelRows(session);
        this.api = new ApiRows(session);
        this.transfers = new TransferRows(session);
        this.fs = new FsRows(session);
    }

    /**
     * Creates the database file with every table and the ENUM and META_DATA_EXPORT rows.
     *
     * @throws TraceFileException when the file exists (a trace is never overwritten) or cannot be
     *     created
     */
    public static TraceWriter create(Path file) {
        if (Files.exists(file)) {
            throw new TraceFileException(file, "already exists; a trace file is never overwritten");
        }
        try {
            Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
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
                EnumRows.insertAll(conn);
            }
            TraceWriter w = new TraceWriter(file, conn);
            w.metadata(MetaData.EXPORT_SCHEMA_VERSION, TraceSchema.NSYS_SCHEMA_VERSION);
            w.metadata(MetaData.FUSESCOPE_SCHEMA_VERSION, TraceSchema.FUSESCOPE_SCHEMA_VERSION);
            w.flush();
            return w;
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot create trace database", e);
        }
    }

    /** Records a process; later GPU rows carry its serialized id {@code pid << 24} as globalPid. */
    public void process(int pid, String processName) {
        globalPid = (long) pid << 24;
        sql(() -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    Sql.insert(Processes.TABLE, Processes.GLOBAL_PID, Processes.PID, Processes.NAME))) {
                ps.setLong(1, globalPid);
                ps.setInt(2, pid);
                ps.setString(3, processName);
                ps.executeUpdate();
            }
        });
    }

    /** Names a CPU thread; {@code globalTid} = {@code (pid << 24) | tid}. A thread is named once. */
    public void threadName(long globalTid, String name) {
        if (!namedThreads.add(globalTid)) {
            return;
        }
        sql(() -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    Sql.insert(ThreadNames.TABLE, ThreadNames.NAME_ID, ThreadNames.PRIORITY, ThreadNames.GLOBAL_TID))) {
                ps.setLong(1, session.stringId(name));
                ps.setInt(2, 0);
                ps.setLong(3, globalTid);
                ps.executeUpdate();
            }
        });
    }

    /** Records a GPU (TARGET_INFO_GPU) and its measured performance (FS_DEVICE_PERF), once per id. */
    public void device(DeviceInfo device) {
        if (devices.add(device.id())) {
            sql(() -> RunRows.insertDevice(conn, device));
        }
    }

    /** Adds a META_DATA_EXPORT row. */
    public void metadata(String name, String value) {
        sql(() -> {
            try (PreparedStatement ps =
                    conn.prepareStatement(Sql.insert(MetaData.TABLE, MetaData.NAME, MetaData.VALUE))) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        });
    }

    /**
     * Starts a run: writes its FS_RUNS row as incomplete with no end, and commits, so that a crash
     * leaves an incomplete run showing what was recorded. {@code run.id()} is ignored.
     *
     * @return the id assigned to the run
     */
    public long beginRun(RunInfo run) {
        long id = nextRunId++;
        sql(() -> {
            RunRows.insertRun(conn, id, run);
            session.flush();
        });
        return id;
    }

    /**
     * Ends a run: synthesizes missing launches, sets its end (ns; {@code Long.MAX_VALUE} keeps it
     * open) and status, and commits.
     */
    public void endRun(long runId, long endNs, RunStatus status) {
        sql(() -> {
            synthesizeLaunches();
            if (!RunRows.endRun(conn, runId, endNs, status)) {
                throw new IllegalArgumentException("no run " + runId + " in " + file);
            }
            session.flush();
        });
    }

    /** Adds kernel rows, and an FS_KERNEL_ATTRIBUTION row for each kernel that has an attribution. */
    public void kernels(long runId, Collection<KernelEvent> events) {
        sql(() -> {
            for (KernelEvent k : events) {
                kernels.add(runId, k, globalPid);
                api.kernel(k);
            }
        });
    }

    /** Adds runtime and driver API calls (both go to CUPTI_ACTIVITY_KIND_RUNTIME, as in nsys). */
    public void apiCalls(Collection<ApiCall> calls) {
        sql(() -> {
            for (ApiCall c : calls) {
                api.add(c);
            }
        });
    }

    public void memcpys(Collection<MemcpyEvent> events) {
        sql(() -> {
            for (MemcpyEvent m : events) {
                transfers.add(m, globalPid);
            }
        });
    }

    public void memsets(Collection<MemsetEvent> events) {
        sql(() -> {
            for (MemsetEvent m : events) {
                transfers.add(m, globalPid);
            }
        });
    }

    public void syncs(Collection<SyncEvent> events) {
        sql(() -> {
            for (SyncEvent s : events) {
                transfers.add(s, globalPid);
            }
        });
    }

    /** Adds NVTX push/pop ranges; the level is stored as the NVTX category, the text via StringIds. */
    public void ranges(Collection<RangeEvent> events) {
        sql(() -> {
            for (RangeEvent r : events) {
                fs.add(r);
            }
        });
    }

    public void expertCounts(long runId, Collection<ExpertCounts> counts) {
        sql(() -> {
            for (ExpertCounts c : counts) {
                fs.add(runId, c);
            }
        });
    }

    public void checks(long runId, Collection<NumericCheck> checks) {
        sql(() -> {
            for (NumericCheck c : checks) {
                fs.add(runId, c);
            }
        });
    }

    public void problems(long runId, Collection<Problem> problems) {
        sql(() -> {
            for (Problem p : problems) {
                fs.add(runId, p);
            }
        });
    }

    /**
     * Writes a whole run: its device, thread names, every event list, then ends it with the trace's
     * end and status.
     *
     * @return the id assigned to the run
     */
    public long writeRun(RunTrace trace) {
        if (trace.device() != null) {
            device(trace.device());
        }
        for (Map.Entry<Long, String> t : trace.threadNames().entrySet()) {
            threadName(t.getKey(), t.getValue());
        }
        long id = beginRun(trace.run());
        apiCalls(trace.apiCalls());
        kernels(id, trace.kernels());
        memcpys(trace.memcpys());
        memsets(trace.memsets());
        syncs(trace.syncs());
        ranges(trace.ranges());
        expertCounts(id, trace.expertCounts());
        checks(id, trace.checks());
        problems(id, trace.problems());
        endRun(id, trace.run().endNs(), trace.run().status());
        return id;
    }

    /** Commits everything added so far. */
    public void flush() {
        sql(session::flush);
    }

    /**
     * Synthesizes missing launches, commits, creates the indexes, and turns the file back into a
     * single self-contained file (WAL checkpointed, rollback journal), so it can be copied or opened
     * from read-only media.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sql(() -> {
            try (Statement st = conn.createStatement()) {
                synthesizeLaunches();
                session.flush();
                for (String ddl : Ddl.indexes()) {
                    st.execute(ddl);
                }
                conn.commit();
                session.close();
                conn.setAutoCommit(true);
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                st.execute("PRAGMA journal_mode = DELETE");
            } finally {
                conn.close();
            }
        });
    }

    private void synthesizeLaunches() throws SQLException {
        if (api.synthesizeMissing(globalPid) > 0) {
            threadName(globalPid | ApiRows.SYNTHETIC_TID, ApiRows.SYNTHETIC_THREAD_NAME);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private void sql(SqlAction action) {
        if (closed && conn != null) {
            try {
                if (conn.isClosed()) {
                    throw new IllegalStateException("trace writer for " + file + " is closed");
                }
            } catch (SQLException e) {
                throw new TraceFileException(file, "cannot write", e);
            }
        }
        try {
            action.run();
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot write", e);
        }
    }
}

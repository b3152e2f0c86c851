package org.fusescope.profiler.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
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
 * placeholder thread whose tid is {@code 0xFFFFFF}, written before every commit, so the promise
 * holds in a file cut short by a crash too. If the real call arrives after such a commit, it
 * replaces the synthesized row (same correlationId, never a second row). {@link TraceReader} leaves
 * synthesized calls out.
 */
public final class TraceWriter implements AutoCloseable {
    private final Path file;
    private final Connection conn;
    private final WriteSession session;
    private final ProcessRows processes;
    private final KernelRows kernels;
    private final ApiRows api;
    private final TransferRows transfers;
    private final FsRows fs;
    private long nextRunId = 1;
    private boolean closed;
    private boolean selfContained;

    private TraceWriter(Path file, Connection conn) throws SQLException {
        this.file = file;
        this.conn = conn;
        this.session = new WriteSession(conn);
        this.processes = new ProcessRows(session);
        this.kernels = new KernelRows(session);
        this.api = new ApiRows(session, processes);
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
            TraceWriter w = new TraceWriter(file, WriteSession.create(file));
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
        sql(() -> processes.process(pid, processName));
    }

    /** Names a CPU thread; {@code globalTid} = {@code (pid << 24) | tid}. A thread is named once. */
    public void threadName(long globalTid, String name) {
        sql(() -> processes.threadName(globalTid, name));
    }

    /** Records a GPU (TARGET_INFO_GPU) and its measured performance (FS_DEVICE_PERF), once per id. */
    public void device(DeviceInfo device) {
        sql(() -> processes.device(device));
    }

    /** Adds a META_DATA_EXPORT row. */
    public void metadata(String name, String value) {
        sql(() -> processes.metadata(name, value));
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
     * Ends a run: sets its end (ns; {@code Long.MAX_VALUE} keeps it open) and status, and commits
     * (which synthesizes missing launches).
     */
    public void endRun(long runId, long endNs, RunStatus status) {
        sql(() -> {
            if (!RunRows.endRun(conn, runId, endNs, status)) {
                throw new IllegalArgumentException("no run " + runId + " in " + file);
            }
            session.flush();
        });
    }

    /**
     * Adds kernel rows, and an FS_KERNEL_ATTRIBUTION row for each kernel that has an attribution.
     * Kernels in start order (as {@link RunTrace} and the recorder keep them) write fastest: the
     * indexes then grow at their end.
     */
    public void kernels(long runId, Collection<KernelEvent> events) {
        long globalPid = processes.globalPid();
        sql(() -> {
            for (KernelEvent k : events) {
                kernels.add(runId, k, globalPid);
                api.kernel(k);
            }
        });
    }

    /** Adds runtime and driver API calls (both go to CUPTI_ACTIVITY_KIND_RUNTIME, as in nsys). */
    public void apiCalls(Collection<ApiCall> calls) {
        sql(() -> WriteSession.each(calls, api::add));
    }

    public void memcpys(Collection<MemcpyEvent> events) {
        sql(() -> WriteSession.each(events, m -> transfers.add(m, processes.globalPid())));
    }

    public void memsets(Collection<MemsetEvent> events) {
        sql(() -> WriteSession.each(events, m -> transfers.add(m, processes.globalPid())));
    }

    public void syncs(Collection<SyncEvent> events) {
        sql(() -> WriteSession.each(events, s -> transfers.add(s, processes.globalPid())));
    }

    /** Adds NVTX push/pop ranges; the level is stored as the NVTX category, the text via StringIds. */
    public void ranges(Collection<RangeEvent> events) {
        sql(() -> WriteSession.each(events, fs::add));
    }

    public void expertCounts(long runId, Collection<ExpertCounts> counts) {
        sql(() -> WriteSession.each(counts, c -> fs.add(runId, c)));
    }

    public void checks(long runId, Collection<NumericCheck> checks) {
        sql(() -> WriteSession.each(checks, c -> fs.add(runId, c)));
    }

    public void problems(long runId, Collection<Problem> problems) {
        sql(() -> WriteSession.each(problems, p -> fs.add(runId, p)));
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

    /** Commits everything added so far, after synthesizing launches that have not come. */
    public void flush() {
        sql(session::flush);
    }

    /**
     * Synthesizes missing launches, commits, creates the indexes, and turns the file back into a
     * single self-contained file (WAL checkpointed, rollback journal), so it can be copied or opened
     * from read-only media. A reader that has the file open never makes this fail: the file then
     * stays in WAL mode ({@link #selfContained()} is false), which readers handle.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            selfContained = session.finish();
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot write", e);
        } finally {
            closed = true;
        }
    }

    /**
     * After {@link #close()}: true if the file is one self-contained file; false if a reader had it
     * open at the end, so it stays in WAL mode (its {@code -wal} file may hold the last pages until
     * the next writer opens it).
     */
    public boolean selfContained() {
        return selfContained;
    }

    private void sql(WriteSession.Action action) {
        if (closed) {
            throw new IllegalStateException("trace writer for " + file + " is closed");
        }
        try {
            action.run();
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot write", e);
        }
    }
}

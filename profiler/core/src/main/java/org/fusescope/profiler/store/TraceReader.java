package org.fusescope.profiler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.MetaData;
import org.fusescope.profiler.store.TraceSchema.Runs;

/**
 * Reads a trace database written by {@link TraceWriter}, or a plain {@code nsys export --type
 * sqlite} file (then it has one run covering everything, and ranges have no level). The file is
 * opened read-only and never modified; a file still being recorded can be read (WAL mode), and an
 * unfinished run shows what was committed so far.
 *
 * <p>Thread-safe: calls are serialized on the one connection. Open one reader per thread for
 * parallel loads.
 *
 * <p>Every failure is a {@link TraceFileException} (unchecked) with a one-line message naming the
 * file.
 */
public final class TraceReader implements AutoCloseable {
    private final Path file;
    private final Connection conn;
    private final Catalog catalog;
    private final boolean ours;
    private StringIdMap strings;

    private TraceReader(Path file, Connection conn) throws SQLException {
        this.file = file;
        this.conn = conn;
        this.catalog = new Catalog(conn);
        this.ours = catalog.has(Runs.TABLE);
        if (!ours && !catalog.has(Kernel.TABLE)) {
            throw new TraceFileException(
                    file, "not a trace database (neither " + Runs.TABLE + " nor " + Kernel.TABLE + " table)");
        }
        if (ours) {
            SchemaVersion.require(file, RunQueries.metadata(conn, catalog).get(MetaData.FUSESCOPE_SCHEMA_VERSION));
        }
    }

    /**
     * Opens {@code file} read-only.
     *
     * @throws TraceFileException when it does not exist, is a directory, is not an SQLite database,
     *     or is not a trace database
     */
    public static TraceReader open(Path file) {
        Connection conn = TraceFiles.openReadOnly(file);
        try {
            return new TraceReader(file, conn);
        } catch (SQLException | RuntimeException e) {
            try {
                conn.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof TraceFileException t) {
                throw t;
            }
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("NOTADB") || msg.contains("not a database")) {
                throw new TraceFileException(file, "not an SQLite database (corrupt)");
            }
            throw new TraceFileException(file, "cannot read", e);
        }
    }

    /** The file this reader reads. */
    public Path file() {
        return file;
    }

    /** True for a plain nsys export (no FS_RUNS table). */
    public boolean isNsysExport() {
        return !ours;
    }

    /**
     * Damaged core data in the whole file: missing kernel or string tables, NULL kernel names,
     * kernel starts that are NULL, not integers or negative, no runs. Each problem names the table,
     * the column and the number of rows; empty for a sound file.
     */
    public synchronized List<Problem> dataProblems() {
        return query(() -> DataChecks.of(conn, catalog, ours));
    }

    /** All runs, by id. */
    public synchronized List<RunInfo> runs() {
        return query(() -> RunQueries.runs(conn, catalog, file, RunQueries.devices(conn, catalog)));
    }

    /**
     * The run with this id (a number) or exact name.
     *
     * @throws TraceFileException when there is none; the message lists the runs
     */
    public synchronized RunInfo run(String selector) {
        List<RunInfo> runs = runs();
        for (RunInfo r : runs) {
            if (String.valueOf(r.id()).equals(selector.trim())) {
                return r;
            }
        }
        for (RunInfo r : runs) {
            if (r.name().equals(selector)) {
                return r;
            }
        }
        throw TraceFileException.withMessage(
                file, "no run '" + selector + "' in " + file + "; runs: " + (runs.isEmpty() ? "none" : list(runs)));
    }

    /** The GPUs recorded in TARGET_INFO_GPU, with measured performance where known. */
    public synchronized List<DeviceInfo> devices() {
        return query(() -> RunQueries.devices(conn, catalog));
    }

    /** META_DATA_EXPORT rows, e.g. {@code EXPORT_SCHEMA_VERSION}. */
    public synchronized Map<String, String> metadata() {
        return query(() -> RunQueries.metadata(conn, catalog));
    }

    /**
     * Everything recorded for a run: the events whose start (ns) lies in its window, and its FS_ rows.
     *
     * @throws TraceFileException when there is no such run
     */
    public synchronized RunTrace load(long runId) {
        RunInfo run = run(String.valueOf(runId));
        return records(() -> {
            if (strings == null) {
                strings = StringIdMap.load(conn, catalog);
            }
            List<DeviceInfo> devices = RunQueries.devices(conn, catalog);
            DeviceInfo device = devices.stream()
                    .filter(d -> d.id() == run.deviceId())
                    .findFirst()
                    .orElse(new DeviceInfo(run.deviceId(), null, 0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN));
            ActivityQueries q = new ActivityQueries(conn, catalog, run);
            TimelineSelection rows = selection(run);
            return new RunTrace(
                    run,
                    device,
                    KernelQuery.load(rows, strings),
                    ActivityQueries.apiCalls(rows, strings),
                    q.memcpys(),
                    q.memsets(),
                    q.syncs(),
                    FsQueries.ranges(rows, strings),
                    ours ? ExpertQueries.load(conn, catalog, runId) : List.of(),
                    ours ? FsQueries.checks(conn, runId) : List.of(),
                    ours ? FsQueries.problems(conn, runId) : List.of(),
                    FsQueries.threadNames(conn, catalog, strings, ours));
        });
    }

    /** Nsight Compute's counters for the run's kernels, by kernel start; empty when none were imported. */
    public synchronized List<MeasuredKernel> measuredKernels(long runId) {
        run(String.valueOf(runId));
        return query(() -> MeasuredKernels.read(conn, catalog, runId));
    }

    /**
     * The run's kernels as columns (start, end, device, stream, correlation id, short name, op,
     * fused), in the order of {@code load(runId).kernels()}: one query, no per-kernel objects.
     *
     * @throws TraceFileException when there is no such run
     */
    public synchronized TimelineColumns.Kernels kernelColumns(long runId) {
        RunInfo run = run(String.valueOf(runId));
        return query(() -> timelineQueries(run).kernels());
    }

    /**
     * The duration and short name of each of the run's kernels, read on a connection of its own: it
     * neither waits for nor holds up this reader's other reads (e.g. the timeline's kernel columns
     * on another thread), so a kernel summary's timing columns can be ready before them.
     *
     * @throws TraceFileException when there is no such run or the kernels cannot be read
     */
    public KernelDurations kernelDurations(long runId) {
        TimelineSelection rows;
        StringIdMap all;
        synchronized (this) {
            RunInfo run = run(String.valueOf(runId));
            rows = query(() -> {
                if (strings == null) {
                    strings = StringIdMap.load(conn, catalog);
                }
                return selection(run);
            });
            all = strings;
        }
        try (Connection own = TraceFiles.openReadOnly(file)) {
            return KernelDurations.read(rows.on(own, new Catalog(own)), all);
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot read", e);
        }
    }

    /** The run's CUDA API calls as columns, in the order of {@code load(runId).apiCalls()}. */
    public synchronized TimelineColumns.Calls callColumns(long runId) {
        RunInfo run = run(String.valueOf(runId));
        return query(() -> timelineQueries(run).calls());
    }

    /** The run's NVTX ranges as columns, in the order of {@code load(runId).ranges()}. */
    public synchronized TimelineColumns.Ranges rangeColumns(long runId) {
        RunInfo run = run(String.valueOf(runId));
        return query(() -> timelineQueries(run).ranges());
    }

    /**
     * A few of the run's kernels that draw like all of them at one zoom (see {@link KernelOverview}):
     * per stream and bucket of {@code grid}, the first and last kernel, and every long kernel with the
     * next one. Read with one aggregate query per bucket on the kernel start index (and one scan for
     * the last kernel end): a small fraction of the cost of {@link #kernelColumns} on a large run.
     *
     * @param minKernels below this many kernels in the run the overview is not worth reading
     * @return empty when the run has fewer than {@code minKernels} kernels (or none), or when the file
     *     has no index on kernel starts (e.g. an nsys export, or a file still being recorded), where
     *     each bucket's query would scan the kernel table
     * @throws IllegalArgumentException when {@code minKernels} is negative, or the grid's buckets do
     *     not ascend over every kernel of the run
     * @throws TraceFileException when there is no such run
     */
    public synchronized Optional<KernelOverview> kernelOverview(long runId, OverviewGrid grid, int minKernels) {
        Objects.requireNonNull(grid, "grid");
        if (minKernels < 0) {
            throw new IllegalArgumentException("minKernels must not be negative: " + minKernels);
        }
        RunInfo run = run(String.valueOf(runId));
        return query(() -> {
            if (strings == null) {
                strings = StringIdMap.load(conn, catalog);
            }
            return Optional.ofNullable(
                    new OverviewQueries(conn, catalog, strings, selection(run)).read(grid, minKernels));
        });
    }

    /**
     * What a timeline draws of a run (kernels, API calls, ranges) as columns: far less to read and
     * keep than {@link #load(long)}, so a first frame need not wait for everything.
     *
     * @throws TraceFileException when there is no such run
     */
    public TimelineColumns timelineColumns(long runId) {
        try {
            return split(runId, false).all().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * The kernels of a run as soon as they are read, and all its timeline columns later.
     *
     * @param kernelsOnly the run's kernels, with no API calls and no ranges
     * @param all every timeline column ({@link #timelineColumns}); the same kernel columns
     */
    public record SplitColumns(TimelineColumns kernelsOnly, CompletableFuture<TimelineColumns> all) {}

    /**
     * Reads the run's kernels on this connection and returns them, then reads its API calls and
     * ranges on a second read-only connection; {@link SplitColumns#all()} completes when those are
     * in (exceptionally with a {@link TraceFileException} if that read fails). Lets a timeline draw
     * its GPU rows before the CPU and range rows are read: the kernels are read first, alone, so
     * that they arrive as early as possible (read at the same time, both reads finish later on a
     * machine with few cores).
     *
     * @throws TraceFileException when there is no such run or the kernels cannot be read
     */
    public SplitColumns timelineColumnsSplit(long runId) {
        return split(runId, true);
    }

    private synchronized SplitColumns split(long runId, boolean kernelsFirst) {
        RunInfo run = run(String.valueOf(runId));
        return query(() -> {
            TimelineQueries q = timelineQueries(run);
            CompletableFuture<TimelineColumns.Kernels> first = new CompletableFuture<>();
            // Calls and ranges on a second connection: after the kernels, or at the same time as
            // them (each read is bound by one core: SQLite steps and JNI calls per column).
            CompletableFuture<Object[]> side = (kernelsFirst ? first : CompletableFuture.completedFuture(null))
                    .thenApplyAsync(k -> {
                        try (Connection second = TraceFiles.openReadOnly(file)) {
                            TimelineQueries q2 = q.on(second, new Catalog(second));
                            return new Object[] {q2.calls(), q2.ranges()};
                        } catch (SQLException e) {
                            throw new TraceFileException(file, "cannot read", e);
                        }
                    });
            TimelineColumns.Kernels kernels;
            try {
                kernels = q.kernels();
            } catch (SQLException | RuntimeException e) {
                first.completeExceptionally(e);
                throw e;
            }
            first.complete(kernels);
            CompletableFuture<TimelineColumns> all = side.thenApply(rest ->
                    new TimelineColumns(kernels, (TimelineColumns.Calls) rest[0], (TimelineColumns.Ranges) rest[1]));
            TimelineColumns kernelsOnly = new TimelineColumns(
                    kernels,
                    new TimelineColumns.Calls(new long[0], new long[0], new long[0], new int[0], new String[0]),
                    new TimelineColumns.Ranges(new long[0], new long[0], new RangeLevel[0], new int[0], new String[0]));
            return new SplitColumns(kernelsOnly, all);
        });
    }

    private TimelineQueries timelineQueries(RunInfo run) throws SQLException {
        if (strings == null) {
            strings = StringIdMap.load(conn, catalog);
        }
        return new TimelineQueries(selection(run), strings);
    }

    /** The run's rows, as every read of its kernels, API calls and ranges selects and orders them. */
    private TimelineSelection selection(RunInfo run) {
        // the run is the file's only one: whole-run reads scan the tables rather than seek
        boolean wholeFile = !ours || runs().size() <= 1;
        return new TimelineSelection(conn, catalog, run, ours, wholeFile);
    }

    @Override
    public synchronized void close() {
        query(() -> {
            conn.close();
            return null;
        });
    }

    private static String list(List<RunInfo> runs) {
        return runs.stream().map(r -> r.id() + " (" + r.name() + ")").collect(Collectors.joining(", "));
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    /** {@link #query}, for queries that build model records: a row the model refuses names the file. */
    private <T> T records(Query<T> q) {
        try {
            return query(q);
        } catch (TraceFileException e) {
            throw e;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            // a hand-edited or damaged row: name the file and the row's problem
            throw new TraceFileException(file, "damaged data: " + DamagedRow.describe(e), e);
        }
    }

    private <T> T query(Query<T> q) {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot read", e);
        }
    }
}

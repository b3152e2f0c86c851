package org.fusescope.app.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fusescope.app.timeline.PixelGrid;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.KernelDurations;
import org.fusescope.profiler.store.KernelOverview;
import org.fusescope.profiler.store.TraceReader;

/**
 * Opens trace databases and loads their runs. Its methods block (SQLite reads, lane layout), so the
 * workbench calls them from a background thread only. Keeps one read-only reader per file.
 * Thread-safe: every method is synchronized.
 */
public final class RecordingService implements AutoCloseable {
    /** The plot width (px) assumed when the caller knows none: a timeline in a 1600 px wide window. */
    public static final double DEFAULT_PLOT_WIDTH = 1600 - TimelineLayout.HEADER;
    /**
     * How long (ms) the kernels behind an overview wait for its first frame to be drawn (see {@link
     * OpenRun#startReading()}) before they are read anyway.
     */
    static final long READ_BEHIND_AT_THE_LATEST_MS = 1000;
    /** Runs with fewer kernels show their kernels first, without an overview: they are read in a blink. */
    static final int OVERVIEW_MIN_KERNELS = 200_000;

    private final Map<Path, TraceReader> readers = new LinkedHashMap<>();
    private final Map<Path, String> labels = new LinkedHashMap<>();
    private final int overviewMinKernels;
    // kernel reads behind an overview; daemon threads, so that a read never keeps the JVM alive
    private final ExecutorService reads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fusescope-timeline-read");
        t.setDaemon(true);
        return t;
    });

    public RecordingService() {
        this(OVERVIEW_MIN_KERNELS);
    }

    /** {@code overviewMinKernels}: runs with at least this many kernels open with an overview (tests use small runs). */
    RecordingService(int overviewMinKernels) {
        this.overviewMinKernels = overviewMinKernels;
    }

    /** Marks a file (e.g. the bundled sample) with a suffix for its explorer label. */
    public synchronized void describe(Path file, String suffix) {
        labels.put(file.toAbsolutePath().normalize(), suffix);
    }

    /**
     * Opens a recording read-only and lists its runs.
     *
     * @throws org.fusescope.profiler.store.TraceFileException when it is not a trace database
     */
    public synchronized Recording open(Path file) {
        Path key = file.toAbsolutePath().normalize();
        TraceReader reader = readers.get(key);
        if (reader == null) {
            reader = TraceReader.open(key);
            readers.put(key, reader);
        }
        List<RunInfo> runs = reader.runs();
        boolean synthetic = !runs.isEmpty() && runs.stream().allMatch(RunInfo::synthetic);
        String label = key.getFileName().toString();
        String suffix = labels.get(key);
        if (suffix != null) {
            label += " " + suffix;
        }
        if (synthetic && !label.contains("synthetic")) {
            label += " (synthetic)";
        }
        if (reader.isNsysExport()) {
            label += " (nsys export)";
        }
        Map<Long, Map<Long, MeasuredKernel>> measured = new HashMap<>();
        for (RunInfo run : runs) {
            Map<Long, MeasuredKernel> byStart = new HashMap<>();
            reader.measuredKernels(run.id()).forEach(m -> byStart.put(m.kernelStartNs(), m));
            if (!byStart.isEmpty()) {
                measured.put(run.id(), byStart);
            }
        }
        return new Recording(key, label, synthetic, reader.isNsysExport(), runs, reader.metadata(), measured);
    }

    /** Loads every event of a run and lays out its timeline. */
    public OpenRun load(Recording recording, long runId) {
        TraceReader reader = reader(recording);
        // The reader serializes its own calls; laying out lanes needs no lock.
        RunTrace trace = reader.load(runId);
        return new OpenRun(recording, trace, TimelineData.of(trace, recording.metadata()));
    }

    /**
     * Reads only what the timeline draws (kernels, API calls and ranges as columns) and lays out its
     * lanes, in stages; the full trace loads on the first {@link OpenRun#trace()} call. Much faster
     * than {@link #load} on large runs: the first frame need not wait for every field of every event.
     *
     * <p>A run of at least {@link #OVERVIEW_MIN_KERNELS} kernels returns as soon as its {@link
     * TimelineData#overview overview} is read (a few queries per pixel column, a fraction of the
     * kernel read): at the first zoom and the plot width given, its first frame is the frame of all
     * its kernels. Its kernels are read in the background once the overview is drawn ({@link
     * OpenRun#startReading()}, {@link OpenRun#kernelTimeline()}). A smaller run returns once its GPU
     * rows are laid out. The API calls and ranges are read after the kernels ({@link
     * OpenRun#fullTimeline()}). Assumes a plot {@link #DEFAULT_PLOT_WIDTH} px wide.
     */
    public OpenRun loadTimeline(Recording recording, long runId) {
        return loadTimeline(recording, runId, DEFAULT_PLOT_WIDTH);
    }

    /**
     * As {@link #loadTimeline(Recording, long)}, for a timeline whose plot (its canvas without the row
     * headers) is {@code plotWidth} px wide at first.
     */
    public OpenRun loadTimeline(Recording recording, long runId, double plotWidth) {
        TraceReader reader = reader(recording);
        RunInfo info = reader.run(String.valueOf(runId));
        Optional<KernelOverview> overview = reader.kernelOverview(runId, new PixelGrid(plotWidth), overviewMinKernels);
        if (overview.isEmpty()) {
            TraceReader.SplitColumns split = reader.timelineColumnsSplit(runId);
            TimelineData first = TimelineData.kernelsFirst(info, split.kernelsOnly(), recording.metadata());
            // the CPU and range rows are laid out on the thread that finishes their read
            return OpenRun.progressive(
                    recording, info, first, split.all().thenApply(first::withAllRows), () -> reader.load(runId));
        }
        // the kernels are read once the overview is drawn: on two cores, reading them at the same time
        // made the first frame about 0.4 s later, and the kernels no sooner
        CompletableFuture<Void> start = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(READ_BEHIND_AT_THE_LATEST_MS, TimeUnit.MILLISECONDS)
                .execute(() -> start.complete(null));
        CompletableFuture<TraceReader.SplitColumns> split =
                start.thenApplyAsync(v -> reader.timelineColumnsSplit(runId), reads);
        CompletableFuture<TimelineData> kernels =
                split.thenApply(s -> TimelineData.kernelsFirst(info, s.kernelsOnly(), recording.metadata()));
        CompletableFuture<TimelineData> all = split.thenCompose(TraceReader.SplitColumns::all)
                .thenCombine(kernels, (columns, gpuRows) -> gpuRows.withAllRows(columns));
        // the statistics' durations on the second core, beside the kernel read: a fraction of its columns
        CompletableFuture<KernelDurations> durations = start.thenApplyAsync(v -> reader.kernelDurations(runId), reads);
        return OpenRun.fromOverview(
                recording,
                info,
                TimelineData.overview(info, overview.get(), recording.metadata()),
                kernels,
                all,
                () -> start.complete(null),
                durations,
                () -> reader.load(runId));
    }

    private TraceReader reader(Recording recording) {
        synchronized (this) {
            TraceReader reader = readers.get(recording.file());
            if (reader == null) {
                open(recording.file());
                reader = readers.get(recording.file());
            }
            return reader;
        }
    }

    /** Closes the reader of one file. */
    public synchronized void close(Path file) {
        TraceReader reader = readers.remove(file.toAbsolutePath().normalize());
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public synchronized void close() {
        reads.shutdown();
        readers.values().forEach(TraceReader::close);
        readers.clear();
    }
}

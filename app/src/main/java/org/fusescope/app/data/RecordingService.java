package org.fusescope.app.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;

/**
 * Opens trace databases and loads their runs. Its methods block (SQLite reads, lane layout), so the
 * workbench calls them from a background thread only. Keeps one read-only reader per file.
 * Thread-safe: every method is synchronized.
 */
public final class RecordingService implements AutoCloseable {
    private final Map<Path, TraceReader> readers = new LinkedHashMap<>();
    private final Map<Path, String> labels = new LinkedHashMap<>();

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
        return new Recording(key, label, synthetic, reader.isNsysExport(), runs);
    }

    /** Loads every event of a run and lays out its timeline. */
    public OpenRun load(Recording recording, long runId) {
        TraceReader reader = reader(recording);
        // The reader serializes its own calls; laying out lanes needs no lock.
        RunTrace trace = reader.load(runId);
        return new OpenRun(recording, trace, TimelineData.of(trace));
    }

    /**
     * Reads only what the timeline draws (kernels, API calls and ranges as columns) and lays out its
     * lanes; returns once the GPU rows are laid out, while the API calls and ranges are still read
     * (see {@link OpenRun#fullTimeline()}); the full trace loads on the first {@link OpenRun#trace()} call. Much faster than {@link
     * #load} on large runs: the first frame need not wait for every field of every event.
     */
    public OpenRun loadTimeline(Recording recording, long runId) {
        TraceReader reader = reader(recording);
        RunInfo info = reader.run(String.valueOf(runId));
        TraceReader.SplitColumns split = reader.timelineColumnsSplit(runId);
        TimelineData first = TimelineData.kernelsFirst(info, split.kernelsOnly());
        // the CPU and range rows are laid out on the thread that finishes their read
        return OpenRun.progressive(
                recording, info, first, split.all().thenApply(first::withAllRows), () -> reader.load(runId));
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
        readers.values().forEach(TraceReader::close);
        readers.clear();
    }
}

package org.fusescope.app.data;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.KernelDurations;

/**
 * A run opened from the recording it belongs to: its timeline lanes at once, and the full {@link
 * RunTrace} (every field of every event, for Properties, statistics and analyses) either at once or
 * loaded later, on first demand. Thread-safe.
 *
 * <p>{@link #trace()} blocks until the trace is loaded: call it from background work, or on the FX
 * thread only once {@link #traceLoaded()} is true. Identity is the object (one per opened run).
 */
public final class OpenRun {
    private final Recording recording;
    private final RunInfo info;
    private volatile TimelineData timeline;
    private final CompletableFuture<TimelineData> kernelTimeline;
    private final CompletableFuture<TimelineData> fullTimeline;
    private final Runnable startReading;
    private final CompletableFuture<KernelDurations> kernelDurations;
    private Supplier<RunTrace> loader;
    private volatile RunTrace trace;

    /** A run loaded in full. */
    public OpenRun(Recording recording, RunTrace trace, TimelineData timeline) {
        this(recording, trace.run(), timeline, null);
        this.trace = trace;
    }

    private OpenRun(Recording recording, RunInfo info, TimelineData timeline, Supplier<RunTrace> loader) {
        this(
                recording,
                info,
                timeline,
                CompletableFuture.completedFuture(timeline),
                CompletableFuture.completedFuture(timeline),
                () -> {},
                null,
                loader);
    }

    @SuppressWarnings("TooManyParameters") // the stages of the timeline, and what starts them
    private OpenRun(
            Recording recording,
            RunInfo info,
            TimelineData timeline,
            CompletableFuture<TimelineData> kernelTimeline,
            CompletableFuture<TimelineData> fullTimeline,
            Runnable startReading,
            CompletableFuture<KernelDurations> kernelDurations,
            Supplier<RunTrace> loader) {
        this.recording = Objects.requireNonNull(recording);
        this.startReading = Objects.requireNonNull(startReading);
        this.info = Objects.requireNonNull(info);
        this.timeline = Objects.requireNonNull(timeline);
        this.loader = loader;
        this.kernelTimeline = kernelTimeline.thenApply(t -> {
            this.timeline = t;
            return t;
        });
        // after the kernel stage has been taken in, so that the timeline never goes back to it
        this.fullTimeline = this.kernelTimeline.thenCombine(fullTimeline, (kernels, all) -> {
            this.timeline = all;
            return all;
        });
        CompletableFuture<KernelDurations> fromColumns = this.kernelTimeline.thenApply(
                t -> KernelDurations.of(t.columns().kernels()));
        // a read of their own may come first; on a busy machine the kernel columns may
        this.kernelDurations = kernelDurations == null ? fromColumns : firstOf(kernelDurations, fromColumns);
    }

    /** Completes with whichever of {@code a} and {@code b} succeeds first; exceptionally only when both fail. */
    static <T> CompletableFuture<T> firstOf(CompletableFuture<T> a, CompletableFuture<T> b) {
        CompletableFuture<T> first = new CompletableFuture<>();
        a.whenComplete((value, failed) -> settle(first, value, failed, b));
        b.whenComplete((value, failed) -> settle(first, value, failed, a));
        return first;
    }

    private static <T> void settle(CompletableFuture<T> first, T value, Throwable failed, CompletableFuture<T> other) {
        if (failed == null) {
            first.complete(value);
        } else if (other.isCompletedExceptionally()) {
            first.completeExceptionally(failed);
        }
    }

    /**
     * A run whose timeline has its GPU rows only ({@code kernelsFirst}) until {@code fullTimeline}
     * completes with every row; its trace loads as in {@link #lazy}.
     */
    public static OpenRun progressive(
            Recording recording,
            RunInfo info,
            TimelineData kernelsFirst,
            CompletableFuture<TimelineData> fullTimeline,
            Supplier<RunTrace> loader) {
        return new OpenRun(
                recording,
                info,
                kernelsFirst,
                CompletableFuture.completedFuture(kernelsFirst),
                fullTimeline,
                () -> {},
                null,
                Objects.requireNonNull(loader));
    }

    /**
     * A run whose timeline is an {@link TimelineData#overview overview} of its kernels until {@code
     * kernelTimeline} completes with its GPU rows ({@link TimelineData#kernelsFirst}), then every
     * row when {@code fullTimeline} completes; {@code startReading} starts the reads behind them (see
     * {@link #startReading()}; it may be run more than once), and {@code kernelDurations}, a read of
     * the durations for the statistics ({@link #kernelDurations()}) that may come before the kernel
     * timeline. Its trace loads as
     * in {@link #lazy}.
     */
    @SuppressWarnings("TooManyParameters") // the stages of the timeline, and what starts them
    public static OpenRun fromOverview(
            Recording recording,
            RunInfo info,
            TimelineData overview,
            CompletableFuture<TimelineData> kernelTimeline,
            CompletableFuture<TimelineData> fullTimeline,
            Runnable startReading,
            CompletableFuture<KernelDurations> kernelDurations,
            Supplier<RunTrace> loader) {
        return new OpenRun(
                recording,
                info,
                overview,
                kernelTimeline,
                fullTimeline,
                startReading,
                Objects.requireNonNull(kernelDurations),
                Objects.requireNonNull(loader));
    }

    /** A run whose trace {@code loader} reads on the first call of {@link #trace()}. */
    public static OpenRun lazy(Recording recording, RunInfo info, TimelineData timeline, Supplier<RunTrace> loader) {
        return new OpenRun(recording, info, timeline, Objects.requireNonNull(loader));
    }

    public Recording recording() {
        return recording;
    }

    /** The run's description (name, id, window); available at once. */
    public RunInfo info() {
        return info;
    }

    /**
     * The timeline as far as it is read: for a large run first an overview of its kernels ({@link
     * TimelineData#overview()}, no kernel indices), then the GPU rows only (with "loading …"
     * placeholders, {@link TimelineData#pending()}) until {@link #fullTimeline()} completes, every row
     * afterwards. Kernel indices are the same in the last two.
     */
    public TimelineData timeline() {
        return timeline;
    }

    /**
     * Completes (off the FX thread) once every kernel is read: the GPU rows show kernels, no longer
     * an overview; {@link #timeline()} is this timeline (or already the full one) then.
     */
    public CompletableFuture<TimelineData> kernelTimeline() {
        return kernelTimeline;
    }

    /**
     * Starts reading the kernels behind an overview now, rather than a moment after the run was
     * opened: a timeline calls it once it has drawn the overview, so that the read does not slow that
     * first frame down. Does nothing for a run opened otherwise, or once started. Thread-safe.
     */
    public void startReading() {
        startReading.run();
    }

    /**
     * Completes (off the FX thread) with the duration and name of each kernel: for a run opened with
     * an overview from its read of their own or from the kernel timeline, whichever is first; else
     * from the kernel timeline.
     */
    public CompletableFuture<KernelDurations> kernelDurations() {
        return kernelDurations;
    }

    /** Completes (off the FX thread) with the timeline of every row; {@link #timeline()} is it then. */
    public CompletableFuture<TimelineData> fullTimeline() {
        return fullTimeline;
    }

    /** True once the full trace is in memory, so {@link #trace()} returns at once. */
    public boolean traceLoaded() {
        return trace != null;
    }

    /** The full trace; loads it (blocking) when it is not loaded yet. Concurrent callers share one load. */
    public RunTrace trace() {
        RunTrace t = trace;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (trace == null) {
                trace = loader.get();
                loader = null;
            }
            return trace;
        }
    }

    /** The label of editor tabs, e.g. {@code fused b=16 graph — recording.sqlite}. */
    public String title() {
        return info.name() + " — " + recording.label();
    }

    /** The first kernel with exactly this name, or -1. */
    public int firstKernelNamed(String name) {
        var kernels = timeline.columns().kernels();
        for (int i = 0; i < kernels.size(); i++) {
            if (kernels.name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "OpenRun[" + title() + (traceLoaded() ? "" : ", trace not loaded yet") + "]";
    }
}

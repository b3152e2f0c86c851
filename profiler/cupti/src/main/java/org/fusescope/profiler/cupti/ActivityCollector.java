package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_ATTR_MEM_ALLOCATION_TYPE_HOST_PINNED;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_FLAG_FLUSH_FORCED;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_DRIVER;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_GRAPH_TRACE;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMCPY;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMSET;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_OVERHEAD;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_RUNTIME;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_SYNCHRONIZATION;
import static org.bytedeco.cuda.global.cupti.cuptiActivityDisable;
import static org.bytedeco.cuda.global.cupti.cuptiActivityEnable;
import static org.bytedeco.cuda.global.cupti.cuptiActivityEnableHWTrace;
import static org.bytedeco.cuda.global.cupti.cuptiActivityFlushAll;
import static org.bytedeco.cuda.global.cupti.cuptiActivityGetNumDroppedRecords;
import static org.bytedeco.cuda.global.cupti.cuptiActivitySetAttribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.bytedeco.cuda.cudart.CUctx_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * Records every kernel, runtime/driver API call, copy, set and synchronization of this process with
 * CUPTI's activity API and delivers them, translated into model records inside CUPTI's completion
 * callback, to a {@link Sink} on a writer thread ({@link SinkWriter}). Call {@link #start()} before
 * the CUDA context is created for complete records. Kernels are traced as CONCURRENT_KERNEL (KERNEL
 * would serialize them). One collector records at a time per process.
 *
 * <p>Opt-in experiments, for comparing the tracing overhead in one GPU run, are switched on by the system
 * property {@value #EXPERIMENT_PROPERTY} (comma-separated; each says on stderr at {@link #start} what it did):
 *
 * <ul>
 *   <li>{@value #HW_TRACE}: kernel timestamps from the Hardware Event System ({@code cuptiActivityEnableHWTrace}),
 *       not from instrumenting each kernel; CUPTI documents it as much cheaper for graph nodes, on Blackwell and
 *       later only (elsewhere, e.g. on Hopper, CUPTI refuses it or, asked before the driver starts, falls back to
 *       instrumenting the kernels as without it).
 *   <li>{@value #GRAPH_TRACE}: also enables {@code CUPTI_ACTIVITY_KIND_GRAPH_TRACE}, which replaces the kernel,
 *       copy and set records of graph replays by one record per replay (eager launches keep theirs): graph runs
 *       then have no kernels to attribute, so it only bounds how much of a graph run's overhead is the per-node
 *       instrumentation.
 *   <li>{@value #HOST_PINNED}: CUPTI keeps the kernels' timestamps in page-locked host memory
 *       ({@code CUPTI_ACTIVITY_ATTR_MEM_ALLOCATION_TYPE_HOST_PINNED}, CUPTI's default up to CUDA 12.0) instead of
 *       device memory, to see whether where the instrumented kernels write costs the per-kernel time.
 *   <li>{@code without-memcpy}, {@code without-memset}, {@code without-synchronization}, {@code without-overhead},
 *       {@code without-runtime}, {@code without-driver}: leaves that activity kind out of the coverage, to find which
 *       kind costs traced steps time (without both API kinds kernels keep their records but lose their launch).
 * </ul>
 *
 * <p>Thread-safe: {@link #start}, {@link #flush}, {@link #stop} may be called from any thread; the
 * sink is only called on the writer thread.
 */
public final class ActivityCollector implements AutoCloseable {
    /** What a collector records. */
    public enum Coverage {
        /** Kernels, runtime and driver API calls, copies, sets, synchronizations and CUPTI's own overhead. */
        ALL(
                CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL,
                CUPTI_ACTIVITY_KIND_RUNTIME,
                CUPTI_ACTIVITY_KIND_DRIVER,
                CUPTI_ACTIVITY_KIND_MEMCPY,
                CUPTI_ACTIVITY_KIND_MEMSET,
                CUPTI_ACTIVITY_KIND_SYNCHRONIZATION,
                CUPTI_ACTIVITY_KIND_OVERHEAD),
        /** Kernels and the runtime and driver API calls that launch them (for attribution and correlation). */
        KERNELS(CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL, CUPTI_ACTIVITY_KIND_RUNTIME, CUPTI_ACTIVITY_KIND_DRIVER);

        private final int[] kinds;

        Coverage(int... kinds) {
            this.kinds = kinds;
        }

        /** The CUPTI activity kinds enabled, in the order they are enabled. */
        public int[] kinds() {
            return kinds.clone();
        }
    }

    /** The system property naming the experiments to switch on (see the class comment). */
    public static final String EXPERIMENT_PROPERTY = "fusescope.cupti.experiment";

    static final String HW_TRACE = "hw-trace";
    static final String GRAPH_TRACE = "graph-trace";
    static final String HOST_PINNED = "host-pinned";
    /** The kinds a {@code without-NAME} experiment can leave out, by NAME. */
    static final Map<String, Integer> OPTIONAL_KINDS = Map.of(
            "memcpy", CUPTI_ACTIVITY_KIND_MEMCPY,
            "memset", CUPTI_ACTIVITY_KIND_MEMSET,
            "synchronization", CUPTI_ACTIVITY_KIND_SYNCHRONIZATION,
            "overhead", CUPTI_ACTIVITY_KIND_OVERHEAD,
            "runtime", CUPTI_ACTIVITY_KIND_RUNTIME,
            "driver", CUPTI_ACTIVITY_KIND_DRIVER);

    private static final String WITHOUT = "without-";

    private final Sink sink;
    private final Set<String> experiments;
    private final int[] kinds;
    private final RecordReader reader = new RecordReader();
    private final ActivityBuffers.Handler handler = this::completed;
    private final List<Integer> enabled = new ArrayList<>();
    private final AtomicLong droppedRecords = new AtomicLong();
    private final AtomicLong overheadNs = new AtomicLong();
    private volatile SinkWriter writer;
    private volatile RuntimeException callbackFailure;

    /** @param sink receives the records, on the writer thread */
    public ActivityCollector(Sink sink) {
        this(sink, Coverage.ALL);
    }

    /**
     * @param sink receives the records, on the writer thread
     * @param coverage which activity kinds to enable
     */
    public ActivityCollector(Sink sink, Coverage coverage) {
        this.sink = sink;
        this.experiments = experiments(System.getProperty(EXPERIMENT_PROPERTY, ""));
        this.kinds = kinds(coverage, experiments);
    }

    /**
     * The experiments a value of {@value #EXPERIMENT_PROPERTY} names.
     *
     * @throws IllegalArgumentException for a name that is not an experiment
     */
    static Set<String> experiments(String property) {
        Set<String> named = new TreeSet<>();
        for (String name : property.split(",")) {
            String n = name.strip();
            if (n.equals(HW_TRACE)
                    || n.equals(GRAPH_TRACE)
                    || n.equals(HOST_PINNED)
                    || (n.startsWith(WITHOUT) && OPTIONAL_KINDS.containsKey(n.substring(WITHOUT.length())))) {
                named.add(n);
            } else if (!n.isEmpty()) {
                throw new IllegalArgumentException("unknown " + EXPERIMENT_PROPERTY + " '" + n + "': use " + HW_TRACE
                        + ", " + GRAPH_TRACE + ", " + HOST_PINNED + " or without-KIND (KIND: "
                        + String.join(", ", new TreeSet<>(OPTIONAL_KINDS.keySet())) + ")");
            }
        }
        return named;
    }

    /** The activity kinds a collector with {@code coverage} enables under {@code experiments}, in order. */
    static int[] kinds(Coverage coverage, Set<String> experiments) {
        IntStream kinds = Arrays.stream(coverage.kinds()).filter(kind -> experiments.stream()
                .noneMatch(e -> e.startsWith(WITHOUT) && OPTIONAL_KINDS.get(e.substring(WITHOUT.length())) == kind));
        return experiments.contains(GRAPH_TRACE)
                ? IntStream.concat(kinds, IntStream.of(CUPTI_ACTIVITY_KIND_GRAPH_TRACE))
                        .toArray()
                : kinds.toArray();
    }

    /**
     * Registers the buffer callbacks and enables the activity kinds.
     *
     * @throws CuptiException when CUPTI does not load (with {@link Cupti#unavailableReason()}) or an
     *     enable fails (e.g. another profiler holds CUPTI: {@link CuptiException#anotherClientHoldsCupti()});
     *     nothing stays enabled then
     * @throws IllegalStateException when started twice or while another collector records
     */
    public synchronized void start() {
        Cupti.requireAvailable();
        if (writer != null) {
            throw new IllegalStateException("already started");
        }
        ActivityBuffers.activate(handler);
        writer = new SinkWriter(sink);
        startExperiments();
        try {
            for (int kind : kinds) {
                Cupti.check(cuptiActivityEnable(kind), "cuptiActivityEnable(" + kind + ")");
                enabled.add(kind);
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Switches on the opt-in experiments (before any kind is enabled and before the context exists). */
    private void startExperiments() {
        if (experiments.contains(HW_TRACE)) {
            int result = cuptiActivityEnableHWTrace((byte) 1);
            System.err.println("fusescope: CUPTI experiment " + HW_TRACE + ": "
                    + (result == 0
                            ? "asked for kernel timestamps from the Hardware Event System (before Blackwell CUPTI"
                                    + " instruments the kernels anyway)"
                            : Cupti.resultString(result) + ", kernels are instrumented as without it"));
        }
        if (experiments.contains(HOST_PINNED)) {
            BytePointer one = new BytePointer(1).put((byte) 1);
            int result = cuptiActivitySetAttribute(
                    CUPTI_ACTIVITY_ATTR_MEM_ALLOCATION_TYPE_HOST_PINNED, new SizeTPointer(1).put(1), (Pointer) one);
            System.err.println("fusescope: CUPTI experiment " + HOST_PINNED + ": "
                    + (result == 0
                            ? "kernel timestamps kept in page-locked host memory"
                            : Cupti.resultString(result) + ", timestamps stay in device memory"));
        }
        if (experiments.contains(GRAPH_TRACE)) {
            System.err.println("fusescope: CUPTI experiment " + GRAPH_TRACE
                    + ": one record per graph replay, no kernel records for graph runs");
        }
        for (String e : experiments) {
            if (e.startsWith(WITHOUT)) {
                System.err.println("fusescope: CUPTI experiment " + e + ": that activity kind is not recorded");
            }
        }
    }

    /** Forces CUPTI to hand over every record so far and waits until the sink has them. */
    public void flush() {
        SinkWriter current = writer;
        if (current != null) {
            Cupti.check(cuptiActivityFlushAll(CUPTI_ACTIVITY_FLAG_FLUSH_FORCED), "cuptiActivityFlushAll");
            current.drain();
        }
    }

    /**
     * Stops recording without ending the collector: disables the kinds and flushes, so that work done
     * until {@link #resume()} leaves no records (e.g. to time the same work untraced). Idempotent.
     */
    public synchronized void pause() {
        if (writer == null || enabled.isEmpty()) {
            return;
        }
        for (int kind : enabled) {
            Cupti.check(cuptiActivityDisable(kind), "cuptiActivityDisable(" + kind + ")");
        }
        enabled.clear();
        flush();
    }

    /** Enables the kinds again after {@link #pause()}; does nothing while recording. */
    public synchronized void resume() {
        if (writer == null || !enabled.isEmpty()) {
            return;
        }
        for (int kind : kinds) {
            Cupti.check(cuptiActivityEnable(kind), "cuptiActivityEnable(" + kind + ")");
            enabled.add(kind);
        }
    }

    /**
     * Disables the kinds, flushes, delivers the remaining records (and a {@code writer-overflow}
     * problem if batches were lost), and ends the writer thread. Idempotent.
     *
     * @throws CuptiException when the sink or the completion callback failed (the first failure is the cause)
     */
    public synchronized void stop() {
        SinkWriter current = writer;
        if (current == null) {
            return;
        }
        try {
            for (int kind : enabled) {
                cuptiActivityDisable(kind);
            }
            enabled.clear();
            cuptiActivityFlushAll(CUPTI_ACTIVITY_FLAG_FLUSH_FORCED);
            current.drain();
        } finally {
            ActivityBuffers.deactivate(handler);
            if (current.lostRecords() > 0) {
                current.submit(ActivityBatch.ofProblems(List.of(new Problem(
                        Severity.WARNING,
                        "writer-overflow",
                        current.lostRecords() + " CUPTI records were lost: the sink fell " + SinkWriter.CAPACITY
                                + " buffers behind",
                        -1,
                        -1,
                        -1))));
            }
            current.close();
            writer = null;
        }
        RuntimeException failure = callbackFailure != null ? callbackFailure : current.failure();
        if (failure != null) {
            throw new CuptiException("recording failed: " + failure, failure);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Records CUPTI dropped for want of buffer space, so far. */
    public long droppedRecords() {
        return droppedRecords.get();
    }

    /** CUPTI's own overhead so far (sum of its OVERHEAD records), ns. */
    public long overheadNs() {
        return overheadNs.get();
    }

    private void completed(CUctx_st context, int streamId, BytePointer buffer, long validSize) {
        try {
            long dropped;
            try (SizeTPointer count = new SizeTPointer(1)) {
                count.put(0L);
                cuptiActivityGetNumDroppedRecords(context, streamId, count); // resets CUPTI's count
                dropped = count.get();
            }
            ActivityBatch batch;
            synchronized (reader) {
                batch = reader.read(buffer, validSize, dropped);
            }
            droppedRecords.addAndGet(dropped);
            overheadNs.addAndGet(batch.overheadNs());
            SinkWriter current = writer;
            if (current != null) {
                current.submit(batch);
            }
        } catch (RuntimeException e) { // never let an exception unwind into CUPTI's native thread
            if (callbackFailure == null) {
                callbackFailure = e;
            }
        }
    }
}

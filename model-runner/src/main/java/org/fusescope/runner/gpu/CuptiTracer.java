package org.fusescope.runner.gpu;

import java.util.Optional;
import java.util.function.BiFunction;
import org.fusescope.profiler.cupti.ActivityCollector;
import org.fusescope.profiler.cupti.Cupti;
import org.fusescope.profiler.cupti.CuptiException;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.runner.record.TraceLevel;
import org.fusescope.runner.record.Tracer;

/**
 * The recorder's {@link Tracer} on CUPTI's activity API, at a {@link TraceLevel}. At {@code none} CUPTI is
 * never touched and timestamps come from {@link System#nanoTime()}. When another CUPTI client (Nsight
 * Systems, Nsight Compute) already holds the process, it falls back to {@code none} and says so in {@link
 * #notice()} instead of failing the run. Thread-safe as the collector is.
 */
final class CuptiTracer implements Tracer {
    static final String ANOTHER_CLIENT = "another CUPTI client (Nsight Systems, Nsight Compute or another tracer)"
            + " holds this process: recording step times and metadata without kernels (--trace none);"
            + " run fusescope outside that profiler to record kernels";

    private final TraceLevel asked;
    private final BiFunction<Sink, ActivityCollector.Coverage, ActivityCollector> collectors;
    private volatile ActivityCollector collector;
    private volatile TraceLevel level;
    private volatile String notice;

    /** A tracer at {@code level} on the real CUPTI. */
    CuptiTracer(TraceLevel level) {
        this(level, ActivityCollector::new);
    }

    /** A tracer whose collectors come from {@code collectors} (tests give one that fails as CUPTI would). */
    CuptiTracer(TraceLevel level, BiFunction<Sink, ActivityCollector.Coverage, ActivityCollector> collectors) {
        this.asked = level;
        this.level = level;
        this.collectors = collectors;
    }

    @Override
    public synchronized void start(Sink sink) {
        if (collector != null) {
            throw new IllegalStateException("tracer already started");
        }
        if (asked == TraceLevel.NONE) {
            return;
        }
        try {
            ActivityCollector c = collectors.apply(
                    sink,
                    asked == TraceLevel.KERNELS ? ActivityCollector.Coverage.KERNELS : ActivityCollector.Coverage.ALL);
            c.start();
            collector = c;
        } catch (CuptiException e) {
            if (!e.anotherClientHoldsCupti()) {
                throw e;
            }
            level = TraceLevel.NONE;
            notice = ANOTHER_CLIENT;
        }
    }

    @Override
    public TraceLevel level() {
        return level;
    }

    @Override
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    @Override
    public void flush() {
        ActivityCollector c = collector;
        if (c != null) {
            c.flush();
        }
    }

    @Override
    public void pause() {
        ActivityCollector c = collector;
        if (c != null) {
            c.pause();
        }
    }

    @Override
    public void resume() {
        ActivityCollector c = collector;
        if (c != null) {
            c.resume();
        }
    }

    @Override
    public long timestampNs() {
        return level() == TraceLevel.NONE ? System.nanoTime() : Cupti.timestampNs();
    }

    @Override
    public synchronized void close() {
        if (collector != null) {
            ActivityCollector c = collector;
            collector = null;
            c.stop();
        }
    }
}

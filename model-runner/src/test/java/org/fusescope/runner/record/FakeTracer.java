package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.cupti.ActivityBatch;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemsetEvent;

/**
 * FAKE (CPU tests only): stands in for CUPTI. A clock that advances 100 ns per reading; records the
 * fake device makes are held like CUPTI's buffers and reach the sink only on {@link #flush}; while
 * paused nothing is recorded.
 */
final class FakeTracer implements Tracer {
    private final List<KernelEvent> kernels = new ArrayList<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<MemsetEvent> memsets = new ArrayList<>();
    private Sink sink;
    private boolean paused;
    private long now = 1_000_000;

    @Override
    public void start(Sink s) {
        this.sink = s;
    }

    boolean recording() {
        return sink != null && !paused;
    }

    void kernel(KernelEvent k) {
        if (recording()) {
            kernels.add(k);
        }
    }

    void call(ApiCall c) {
        if (recording()) {
            calls.add(c);
        }
    }

    void memset(MemsetEvent m) {
        if (recording()) {
            memsets.add(m);
        }
    }

    @Override
    public void flush() {
        if (sink != null && !(kernels.isEmpty() && calls.isEmpty() && memsets.isEmpty())) {
            sink.accept(new ActivityBatch(kernels, calls, List.of(), memsets, List.of(), List.of(), 0));
        }
        kernels.clear();
        calls.clear();
        memsets.clear();
    }

    @Override
    public void pause() {
        flush();
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public long timestampNs() {
        now += 100;
        return now;
    }

    /** Moves the clock by {@code ns} (a launch takes time on the CPU). */
    long advance(long ns) {
        now += ns;
        return now;
    }

    /** Moves the clock to at least {@code ns} (the host waited for the device). */
    void advanceTo(long ns) {
        now = Math.max(now, ns);
    }

    @Override
    public void close() {
        flush();
        sink = null;
    }
}

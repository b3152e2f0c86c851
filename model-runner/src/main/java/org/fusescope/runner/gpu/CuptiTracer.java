package org.fusescope.runner.gpu;

import org.fusescope.profiler.cupti.ActivityCollector;
import org.fusescope.profiler.cupti.Cupti;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.runner.record.Tracer;

/** The recorder's {@link Tracer} on CUPTI's activity API. Thread-safe as the collector is. */
final class CuptiTracer implements Tracer {
    private ActivityCollector collector;

    @Override
    public synchronized void start(Sink sink) {
        if (collector != null) {
            throw new IllegalStateException("tracer already started");
        }
        ActivityCollector c = new ActivityCollector(sink);
        c.start();
        collector = c;
    }

    @Override
    public void flush() {
        collector.flush();
    }

    @Override
    public void pause() {
        collector.pause();
    }

    @Override
    public void resume() {
        collector.resume();
    }

    @Override
    public long timestampNs() {
        return Cupti.timestampNs();
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

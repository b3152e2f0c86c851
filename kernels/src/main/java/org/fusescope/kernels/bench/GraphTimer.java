package org.fusescope.kernels.bench;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.fusescope.kernels.cuda.CudaEvent;
import org.fusescope.kernels.cuda.CudaGraph;
import org.fusescope.kernels.cuda.CudaStream;

/**
 * Times launches the way the decode step runs them: {@code launches} launches captured into one CUDA
 * graph (launch i uses buffer set i mod copies, so inputs rotate through more memory than L2 holds),
 * the graph replayed once to warm up and then {@code replays} times, each replay timed with CUDA
 * events on the stream. Not thread-safe.
 */
public final class GraphTimer {
    private final CudaStream stream;
    private final int launches;
    private final int replays;

    public GraphTimer(CudaStream stream, int launches, int replays) {
        if (launches < 1 || replays < 1) {
            throw new IllegalArgumentException("launches and replays must be at least 1");
        }
        this.stream = stream;
        this.launches = launches;
        this.replays = replays;
    }

    /** Per-launch times of {@code launch}, which enqueues one launch on the stream for a buffer set. */
    public Timing time(int copies, IntConsumer launch) {
        double[] perLaunchNs = new double[replays];
        try (CudaGraph graph = CudaGraph.capture(stream, () -> {
                    for (int i = 0; i < launches; i++) {
                        launch.accept(i % copies);
                    }
                });
                CudaEvent start = CudaEvent.create();
                CudaEvent stop = CudaEvent.create()) {
            graph.launch(stream);
            stream.synchronize();
            for (int r = 0; r < replays; r++) {
                start.record(stream);
                graph.launch(stream);
                stop.record(stream);
                stop.synchronize();
                perLaunchNs[r] = stop.elapsedMillis(start) * 1e6 / launches;
            }
        }
        double[] sorted = perLaunchNs.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Timing(median, sorted[0], sorted[sorted.length - 1], replays);
    }
}

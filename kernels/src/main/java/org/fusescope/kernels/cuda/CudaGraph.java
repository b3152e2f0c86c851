package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuGraphDestroy;
import static jcuda.driver.JCudaDriver.cuGraphExecDestroy;
import static jcuda.driver.JCudaDriver.cuGraphInstantiate;
import static jcuda.driver.JCudaDriver.cuGraphLaunch;
import static jcuda.driver.JCudaDriver.cuStreamBeginCapture;
import static jcuda.driver.JCudaDriver.cuStreamEndCapture;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.driver.CUgraph;
import jcuda.driver.CUgraphExec;
import jcuda.driver.CUstreamCaptureMode;

/**
 * A CUDA graph recorded by stream capture and instantiated once; each {@link #launch} replays every
 * captured launch with the same arguments and buffers (so the buffers must outlive the graph).
 *
 * <p>Capture uses {@code CU_STREAM_CAPTURE_MODE_THREAD_LOCAL}: only this thread's unsafe calls (a
 * synchronous copy, {@code cuMemAlloc}) break the capture. Instantiation uses {@code
 * cuGraphInstantiate(exec, graph, 0)} (JCuda 12.6 has no {@code cuGraphInstantiateWithFlags}).
 * Needs its context current. Not thread-safe.
 */
public final class CudaGraph implements AutoCloseable {
    private final CUgraph graph;
    private final CUgraphExec exec;
    private boolean closed;

    private CudaGraph(CUgraph graph, CUgraphExec exec) {
        this.graph = graph;
        this.exec = exec;
    }

    /**
     * Captures what {@code launches} enqueues on {@code stream} and instantiates it. Nothing runs
     * during capture. If {@code launches} throws, the capture is ended and the partial graph dropped.
     */
    public static CudaGraph capture(CudaStream stream, Runnable launches) {
        check(
                cuStreamBeginCapture(stream.handle(), CUstreamCaptureMode.CU_STREAM_CAPTURE_MODE_THREAD_LOCAL),
                "cuStreamBeginCapture",
                "CU_STREAM_CAPTURE_MODE_THREAD_LOCAL");
        CUgraph graph = new CUgraph();
        try {
            launches.run();
        } catch (RuntimeException | Error e) {
            if (cuStreamEndCapture(stream.handle(), graph) == 0) {
                cuGraphDestroy(graph);
            }
            throw e;
        }
        check(cuStreamEndCapture(stream.handle(), graph), "cuStreamEndCapture");
        CUgraphExec exec = new CUgraphExec();
        int result = cuGraphInstantiate(exec, graph, 0L);
        if (result != 0) {
            cuGraphDestroy(graph);
            check(result, "cuGraphInstantiate", "flags=0");
        }
        return new CudaGraph(graph, exec);
    }

    /** Enqueues one replay of the graph on {@code stream}. */
    public void launch(CudaStream stream) {
        check(cuGraphLaunch(exec, stream.handle()), "cuGraphLaunch");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            check(cuGraphExecDestroy(exec), "cuGraphExecDestroy");
            check(cuGraphDestroy(graph), "cuGraphDestroy");
        }
    }
}

package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * A non-blocking stream ({@code CU_STREAM_NON_BLOCKING}: no implicit synchronization with the
 * legacy default stream). Work on one stream runs in order. Needs its context current on the
 * calling thread. Enqueueing from several threads is allowed by CUDA, but this wrapper's {@link
 * #close()} is not thread-safe.
 */
public final class CudaStream implements AutoCloseable {
    private final Handles.Stream stream = new Handles.Stream();
    private boolean closed;
    private boolean programmatic;

    private CudaStream() {
        check(
                cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING),
                "cuStreamCreate",
                "CU_STREAM_NON_BLOCKING");
    }

    /** Creates a non-blocking stream in the current context. */
    public static CudaStream create() {
        return new CudaStream();
    }

    /** Blocks the calling thread until all work enqueued so far is done. */
    public void synchronize() {
        check(cuStreamSynchronize(stream), "cuStreamSynchronize");
    }

    /** The JCuda handle. */
    public CUstream handle() {
        return stream;
    }

    /** The raw {@code CUstream} value, for libraries other than JCuda (cuBLAS through JavaCPP). */
    public long address() {
        return stream.address();
    }

    /**
     * Whether {@link KernelLauncher} launches on this stream carry the programmatic-serialization attribute
     * (programmatic dependent launch, sm_90+): each such kernel may start while the one before it still runs,
     * and must keep the rule of {@code fs_pdl_wait} in common.cuh. Off by default; the caller turns it on only
     * around launches of kernels that keep the rule.
     */
    public void programmaticLaunches(boolean on) {
        programmatic = on;
    }

    /** See {@link #programmaticLaunches(boolean)}. */
    public boolean programmaticLaunches() {
        return programmatic;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            check(cuStreamDestroy(stream), "cuStreamDestroy");
        }
    }
}

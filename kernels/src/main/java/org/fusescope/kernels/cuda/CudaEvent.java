package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;

/**
 * A timing event: the way to time asynchronous GPU work (never {@code System.nanoTime} around a
 * launch). Resolution about 0.5 µs. Needs its context current. Not thread-safe.
 */
public final class CudaEvent implements AutoCloseable {
    private final CUevent event = new CUevent();
    private boolean closed;

    private CudaEvent() {
        check(cuEventCreate(event, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate", "CU_EVENT_DEFAULT");
    }

    /** Creates a timing event in the current context. */
    public static CudaEvent create() {
        return new CudaEvent();
    }

    /** Records this event after the work enqueued so far on {@code stream}. */
    public void record(CudaStream stream) {
        check(cuEventRecord(event, stream.handle()), "cuEventRecord");
    }

    /** Blocks until the work before the last {@link #record} is done. */
    public void synchronize() {
        check(cuEventSynchronize(event), "cuEventSynchronize");
    }

    /**
     * Milliseconds from {@code start} to this event; both must have been recorded and completed
     * (call {@link #synchronize()} first).
     */
    public float elapsedMillis(CudaEvent start) {
        float[] ms = {0f};
        check(cuEventElapsedTime(ms, start.event, event), "cuEventElapsedTime");
        return ms[0];
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            check(cuEventDestroy(event), "cuEventDestroy");
        }
    }
}

package org.fusescope.runner.record;

import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.runner.step.Launch;
import org.fusescope.runner.step.StepSpec;

/**
 * The GPU as the recorder drives it, one run at a time: {@link #prepare} a step, enqueue its
 * launches (eagerly or captured into a graph and replayed), time steps with GPU events and copy the
 * routing tables back. The real one is {@code org.fusescope.runner.gpu.CudaStepDevice}; CPU tests use
 * a labelled fake. Used from one thread.
 */
public interface StepDevice extends AutoCloseable {
    /** The device, with its copy bandwidth measured once. */
    DeviceInfo device();

    /** The tracer recording this device's work. */
    Tracer tracer();

    /** Uploads weights (cached across runs), allocates buffers and compiles kernels for {@code spec}. */
    void prepare(StepSpec spec);

    /** Enqueues one launch of the prepared step. */
    void launch(Launch launch, int layer);

    /** Captures what {@code launches} enqueues into a CUDA graph (nothing runs yet). */
    void capture(Runnable launches);

    /** Enqueues one replay of the captured graph. */
    void replay();

    /** Records a start event before a step is enqueued. */
    void beginTiming();

    /** Records the end event, waits for the device and returns the GPU time since {@link #beginTiming} (ns). */
    double endTiming();

    /** Copies a layer's routing tables back; the device must be idle. */
    LayerTables tables(int layer);

    /**
     * Runs the first layer of {@code spec} once from the step's initial inputs, with tracing paused,
     * and copies its results back (for verification). Leaves nothing prepared.
     */
    BlockOutputs runLayerOnce(StepSpec spec);

    /** Frees the prepared step's buffers and graph (weights stay cached). */
    void release();

    @Override
    void close();
}

package org.fusescope.runner.record;

import java.util.Optional;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.ops.Op;
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

    /** Enqueues one launch of the prepared step's MoE block of {@code layer}. */
    void launch(Op launch, int layer);

    /**
     * Enqueues one launch of block {@code block} ({@code moe}, {@code linear_attn} or {@code self_attn},
     * {@link org.fusescope.runner.step.BlockPlan#name()}) of {@code layer}: the block says which norm
     * weight the block's leading residual add + RMSNorm uses. The default is the MoE block's.
     */
    default void launch(String block, Op launch, int layer) {
        launch(launch, layer);
    }

    /**
     * How the device holds the weights of the prepared step when that is not one weight set per layer
     * (e.g. layers sharing the MoE weights of an earlier layer because all of them do not fit), for the
     * run's metadata and the summary; empty when every layer has its own.
     */
    default Optional<String> weightNote() {
        return Optional.empty();
    }

    /** How the prepared run's steps are timed ({@code graph}: replays); a device without a gate times directly. */
    default StepTiming stepTiming(boolean graph) {
        return StepTiming.DIRECT;
    }

    /**
     * Runs the mixer block of {@code layer} of {@code spec} (with mixers) once from the step's initial
     * inputs and decode state, tracing paused, and copies its results back (for verification). Leaves
     * nothing prepared.
     */
    default MixerOutputs runMixerOnce(StepSpec spec, int layer) {
        throw new UnsupportedOperationException("this device does not run mixer blocks alone");
    }

    /** Captures what {@code launches} enqueues into a CUDA graph (nothing runs yet). */
    void capture(Runnable launches);

    /** Enqueues one replay of the captured graph. */
    void replay();

    /** Records a start event before a step is enqueued. */
    void beginTiming();

    /**
     * Records a start event without holding the stream at the gate, whatever the run's step timing: for long
     * sequences of replays, where the host runs ahead of the device anyway.
     */
    default void beginDirectTiming() {
        beginTiming();
    }

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

package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuStreamWaitValue32;
import static jcuda.driver.JCudaDriver.cuStreamWriteValue32;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.driver.CUstreamWaitValue_flags;
import jcuda.driver.CUstreamWriteValue_flags;

/**
 * Holds a stream at a point until the host has enqueued what follows, so that GPU time measured between
 * two events on that stream excludes the CPU's launch latency: {@link #hold} makes the stream wait on a
 * device flag ({@code cuStreamWaitValue32}, GEQ the next generation), {@link #release} writes that
 * generation from a second stream ({@code cuStreamWriteValue32}). A held stream must not be given more
 * work than its launch queue takes (a few hundred launches), or the host blocks before it releases: callers
 * hold only short sequences (a graph replay, an eager step of one or a few layers). Needs its context
 * current; not thread-safe.
 *
 * <p>Never hold a stream under a tool that waits for the device inside a launch call: Nsight Compute profiles
 * each kernel synchronously in its launch, so the first kernel after {@link #hold} waits for the gate, the gate
 * for {@link #release}, and {@link #release} for the launch to return: the process hangs without a word. The
 * gate cannot see such a tool (nothing on the device times out); {@code fusescope run --step-timing auto}
 * leaves the gate out when a CUDA tool is injected ({@code CUDA_INJECTION64_PATH}), and {@code fusescope ncu}
 * asks its profiled child for direct timing.
 */
public final class StreamGate implements AutoCloseable {
    private final DeviceBuffer flag = DeviceBuffer.allocate("stream gate flag", DType.I32, 1);
    private final CudaStream releaser = CudaStream.create();
    private int generation;
    private boolean held;

    /** A gate whose flag starts at generation 0. */
    public StreamGate() {
        flag.fill((byte) 0);
    }

    /** Enqueues on {@code stream} a wait until {@link #release} is called. */
    public void hold(CudaStream stream) {
        if (held) {
            throw new IllegalStateException("the gate already holds a stream");
        }
        generation++;
        check(
                cuStreamWaitValue32(
                        stream.handle(), flag.pointer(), generation, CUstreamWaitValue_flags.CU_STREAM_WAIT_VALUE_GEQ),
                "cuStreamWaitValue32",
                generation);
        held = true;
    }

    /** Lets the held stream go on (enqueued on the gate's own stream; returns at once). */
    public void release() {
        if (!held) {
            return;
        }
        check(
                cuStreamWriteValue32(
                        releaser.handle(),
                        flag.pointer(),
                        generation,
                        CUstreamWriteValue_flags.CU_STREAM_WRITE_VALUE_DEFAULT),
                "cuStreamWriteValue32",
                generation);
        held = false;
    }

    @Override
    public void close() {
        release();
        releaser.synchronize();
        releaser.close();
        flag.close();
    }
}

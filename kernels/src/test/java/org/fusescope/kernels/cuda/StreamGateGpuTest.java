package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream gate on a real GPU: a held stream waits for the host; skipped with the reason where there is none. */
class StreamGateGpuTest {
    private static CudaContext context;

    @BeforeAll
    static void open() {
        if (Gpu.isAvailable()) {
            context = CudaContext.open(0);
        }
    }

    @BeforeEach
    void needsGpu() {
        GpuTests.requireGpu();
        context.makeCurrent();
    }

    @AfterAll
    static void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aHeldStreamWaitsUntilTheHostReleasesIt() throws InterruptedException {
        try (CudaStream stream = CudaStream.create();
                StreamGate gate = new StreamGate();
                CudaEvent before = CudaEvent.create();
                CudaEvent after = CudaEvent.create()) {
            before.record(stream);
            gate.hold(stream);
            after.record(stream);
            Thread.sleep(60);
            gate.release();
            after.synchronize();
            assertThat(after.elapsedMillis(before))
                    .as("GPU time across the held point, ms")
                    .isGreaterThan(40f);
        }
    }

    @Test
    void eventsAfterTheGateExcludeTheHostsDelay() throws InterruptedException {
        try (CudaStream stream = CudaStream.create();
                StreamGate gate = new StreamGate();
                CudaEvent start = CudaEvent.create();
                CudaEvent end = CudaEvent.create();
                DeviceBuffer buffer = DeviceBuffer.allocate(DType.I32, 1 << 20)) {
            for (int round = 0; round < 3; round++) { // the gate's generations go on
                gate.hold(stream);
                start.record(stream);
                Thread.sleep(30); // the host is slow to enqueue the step
                buffer.fillAsync((byte) round, stream);
                end.record(stream);
                gate.release();
                end.synchronize();
                assertThat(end.elapsedMillis(start)).as("round %d, ms", round).isLessThan(10f);
            }
        }
    }
}

package org.fusescope.kernels.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceBuffer;

/**
 * A {@link BenchCase} over {@code copies} buffer sets made by a factory, plus buffers shared by all
 * sets (expert weights). Not thread-safe.
 */
final class BufferSetCase implements BenchCase {
    /** Enqueues one launch on a buffer set. */
    interface SetLauncher {
        void launch(CudaStream stream, DeviceBuffer[] set);
    }

    private final String op;
    private final int tokens;
    private final Work work;
    private final List<DeviceBuffer> shared;
    private final List<DeviceBuffer[]> sets = new ArrayList<>();
    private final SetLauncher launcher;

    /**
     * @param copies buffer sets to allocate ({@code factory.apply(copy)} for each)
     * @param shared buffers every set uses, closed with the case
     */
    BufferSetCase(
            String op,
            int tokens,
            Work work,
            int copies,
            List<DeviceBuffer> shared,
            IntFunction<DeviceBuffer[]> factory,
            SetLauncher launcher) {
        this.op = op;
        this.tokens = tokens;
        this.work = work;
        this.shared = List.copyOf(shared);
        this.launcher = launcher;
        try {
            for (int c = 0; c < copies; c++) {
                sets.add(factory.apply(c));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String op() {
        return op;
    }

    @Override
    public int tokens() {
        return tokens;
    }

    @Override
    public Work work() {
        return work;
    }

    @Override
    public int copies() {
        return sets.size();
    }

    @Override
    public void launch(CudaStream stream, int copy) {
        launcher.launch(stream, sets.get(copy));
    }

    @Override
    public void close() {
        sets.forEach(set -> {
            for (DeviceBuffer b : set) {
                b.close();
            }
        });
        sets.clear();
        shared.forEach(DeviceBuffer::close);
    }
}

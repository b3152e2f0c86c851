package org.fusescope.runner.gpu;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.kernels.cuda.DeviceBuffer;

/** Device buffers allocated together and freed together (also when a later allocation fails). */
final class BufferGroup implements AutoCloseable {
    private final List<DeviceBuffer> all = new ArrayList<>();

    /** Adds {@code b} to the group and returns it. */
    DeviceBuffer keep(DeviceBuffer b) {
        all.add(b);
        return b;
    }

    @Override
    public void close() {
        all.forEach(DeviceBuffer::close);
        all.clear();
    }
}

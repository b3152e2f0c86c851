package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.DeviceBuffer;

/**
 * A stretch of device memory a kernel only prefetches into L2 ({@code fs_l2_prefetch}): its address and size in
 * bytes, both multiples of 16. {@link #NONE} prefetches nothing.
 */
public record L2Range(long address, long bytes) {
    /** Nothing to prefetch. */
    public static final L2Range NONE = new L2Range(0, 0);

    public L2Range {
        if (bytes < 0 || address % 16 != 0 || bytes % 16 != 0 || (bytes > 0 && address == 0)) {
            throw new IllegalArgumentException(
                    "an L2 range needs a 16-byte aligned address and a multiple of 16 bytes, not " + bytes + " at "
                            + address);
        }
    }

    /**
     * {@code bytes} of {@code buffer} from byte {@code from}.
     *
     * @throws IllegalArgumentException past the buffer's end, or not 16-byte aligned
     */
    public static L2Range of(DeviceBuffer buffer, long from, long bytes) {
        if (from < 0 || bytes < 0 || from + bytes > buffer.bytes()) {
            throw new IllegalArgumentException("bytes " + from + ".." + (from + bytes) + " are not inside " + buffer
                    + " (" + buffer.bytes() + " B)");
        }
        return new L2Range(buffer.address() + from, bytes);
    }
}

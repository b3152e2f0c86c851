package org.fusescope.kernels.ops;

/**
 * What one launch of a kernel must do: bytes it must read (each input once), bytes it must write
 * (each output once) and floating-point operations.
 */
public record Work(long bytesRead, long bytesWritten, long flops) {
    public Work {
        if (bytesRead < 0 || bytesWritten < 0 || flops < 0) {
            throw new IllegalArgumentException("negative work: " + bytesRead + ", " + bytesWritten + ", " + flops);
        }
    }

    /** Bytes read plus written. */
    public long bytes() {
        return bytesRead + bytesWritten;
    }

    public Work plus(Work other) {
        return new Work(bytesRead + other.bytesRead, bytesWritten + other.bytesWritten, flops + other.flops);
    }
}

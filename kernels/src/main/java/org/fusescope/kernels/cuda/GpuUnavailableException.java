package org.fusescope.kernels.cuda;

/**
 * No usable CUDA GPU in this process: the driver library ({@code libcuda.so.1}), a device, or the
 * CUDA 13 toolkit libraries ({@code libnvrtc.so.13}, {@code libcublas.so.13}) are missing. The
 * message says what is missing and where it was looked for; it is the same as {@link
 * Gpu#unavailableReason()}.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class GpuUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GpuUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

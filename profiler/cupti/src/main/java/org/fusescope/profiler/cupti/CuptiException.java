package org.fusescope.profiler.cupti;

/** A CUPTI call failed, or CUPTI cannot be loaded in this process; the message says which and why. */
public final class CuptiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CuptiException(String message) {
        super(message);
    }

    /**
     * Whether this failure says that another CUPTI client (Nsight Systems, Nsight Compute, another tracer)
     * already holds this process: CUPTI allows one subscriber, and a second registration fails with
     * {@code CUPTI_ERROR_MULTIPLE_SUBSCRIBERS_NOT_SUPPORTED}.
     */
    public boolean anotherClientHoldsCupti() {
        String m = getMessage();
        return m != null && m.contains("CUPTI_ERROR_MULTIPLE_SUBSCRIBERS_NOT_SUPPORTED");
    }

    CuptiException(String message, Throwable cause) {
        super(message, cause);
    }
}

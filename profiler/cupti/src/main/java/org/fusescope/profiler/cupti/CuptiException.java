package org.fusescope.profiler.cupti;

/** A CUPTI call failed, or CUPTI cannot be loaded in this process; the message says which and why. */
public final class CuptiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CuptiException(String message) {
        super(message);
    }

    CuptiException(String message, Throwable cause) {
        super(message, cause);
    }
}

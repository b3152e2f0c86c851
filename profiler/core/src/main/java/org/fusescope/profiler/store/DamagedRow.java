package org.fusescope.profiler.store;

/** Words for an exception a damaged row caused, for a one-line message. */
final class DamagedRow {
    private DamagedRow() {}

    /**
     * The exception's message, with what kind of failure it was where the message alone is only a
     * value (a NegativeArraySizeException says just "-5").
     */
    static String describe(RuntimeException e) {
        String message = e.getMessage();
        if (e instanceof IllegalArgumentException && message != null && !message.isBlank()) {
            return message;
        }
        if (e instanceof NegativeArraySizeException) {
            return "a negative count (" + message + ") where a table size was expected";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

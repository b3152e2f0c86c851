package org.fusescope.runner.model;

/** Argument checks whose messages name the field as HuggingFace spells it. */
final class Check {
    private Check() {}

    static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static void positive(String field, long value) {
        that(value > 0, field + " must be positive, not " + value);
    }
}

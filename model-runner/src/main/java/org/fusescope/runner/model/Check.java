package org.fusescope.runner.model;

import org.fusescope.profiler.ops.LayerType;

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

    /** A weight array of exactly {@code expected} elements. */
    static void length(String what, short[] array, long expected) {
        that(
                array != null && array.length == expected,
                what + ": expected " + expected + " elements, got " + (array == null ? "null" : array.length));
    }

    /**
     * A layer index of {@code config} whose type is {@code type} (any type when null).
     *
     * @throws IllegalArgumentException for a layer outside the model or of another type
     */
    static void layer(ModelConfig config, int layer, LayerType type) {
        LayerType actual = config.layerType(layer);
        that(
                type == null || actual == type,
                "layer " + layer + " of " + config.name() + " is of type " + actual.configName() + ", not "
                        + (type == null ? "" : type.configName()));
    }
}

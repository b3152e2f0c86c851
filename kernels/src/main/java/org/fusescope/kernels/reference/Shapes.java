package org.fusescope.kernels.reference;

import java.util.Objects;

/** Argument checks shared by the references; messages name the argument, expected and actual. */
final class Shapes {
    private Shapes() {}

    static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": expected > 0 but was " + value);
        }
    }

    static void length(String name, float[] array, long expected, String shape) {
        Objects.requireNonNull(array, name);
        check(name, array.length, expected, shape);
    }

    static void length(String name, int[] array, long expected, String shape) {
        Objects.requireNonNull(array, name);
        check(name, array.length, expected, shape);
    }

    /** {@code value} must be 1 (broadcast over a row) or {@code cols}. */
    static void broadcastCols(String name, int value, int cols) {
        if (value != 1 && value != cols) {
            throw new IllegalArgumentException(name + ": expected 1 or " + cols + " but was " + value);
        }
    }

    static void checkSlot(int slot, int numSlots, int expert) {
        if (slot < 0 || slot >= numSlots) {
            throw new IllegalArgumentException(
                    "tables: expert " + expert + " lists slot " + slot + ", expected one in [0, " + numSlots + ")");
        }
    }

    static String dims(Object... namesAndValues) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]);
        }
        return b.append(']').toString();
    }

    private static void check(String name, int actual, long expected, String shape) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    name + ": expected length " + expected + " " + shape + " but was " + actual);
        }
    }
}

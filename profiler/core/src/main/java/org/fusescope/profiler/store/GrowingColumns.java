package org.fusescope.profiler.store;

import java.util.Arrays;

/** Primitive columns that grow while rows are read (no boxing), trimmed when done. Not thread-safe. */
final class GrowingColumns {
    private static final int FIRST = 1 << 12;

    private GrowingColumns() {}

    static final class Longs {
        private long[] values;
        private int size;

        Longs(int expected) {
            values = new long[Math.max(FIRST, expected)];
        }

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    static final class Ints {
        private int[] values;
        private int size;

        Ints(int expected) {
            values = new int[Math.max(FIRST, expected)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

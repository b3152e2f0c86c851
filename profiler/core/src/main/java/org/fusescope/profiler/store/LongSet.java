package org.fusescope.profiler.store;

import java.util.Arrays;

/** A set of longs without boxing (open addressing, linear probing); tracks correlation ids by the million. */
final class LongSet {
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] slots = newSlots(1 << 12);
    private int size;
    private boolean hasEmptyValue;

    /** Adds {@code v}; returns false when it was already present. */
    boolean add(long v) {
        if (v == EMPTY) {
            boolean added = !hasEmptyValue;
            hasEmptyValue = true;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int i = slot(v, slots.length);
        while (slots[i] != EMPTY) {
            if (slots[i] == v) {
                return false;
            }
            i = (i + 1) & (slots.length - 1);
        }
        slots[i] = v;
        size++;
        return true;
    }

    boolean contains(long v) {
        if (v == EMPTY) {
            return hasEmptyValue;
        }
        int i = slot(v, slots.length);
        while (slots[i] != EMPTY) {
            if (slots[i] == v) {
                return true;
            }
            i = (i + 1) & (slots.length - 1);
        }
        return false;
    }

    private void grow() {
        long[] old = slots;
        slots = newSlots(old.length * 2);
        for (long v : old) {
            if (v != EMPTY) {
                int i = slot(v, slots.length);
                while (slots[i] != EMPTY) {
                    i = (i + 1) & (slots.length - 1);
                }
                slots[i] = v;
            }
        }
    }

    private static int slot(long v, int length) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (length - 1);
    }

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, EMPTY);
        return s;
    }
}

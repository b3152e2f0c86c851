package org.fusescope.profiler.store;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps file string ids (or texts) to dense local ids, so that columns read from a file carry only
 * the strings they use. Not thread-safe: one per read.
 */
final class LocalStrings {
    private static final long DENSE_IDS = 1 << 22;

    private final StringIdMap all;
    private final Map<Long, Integer> byId = new HashMap<>();
    private final Map<String, Integer> byText = new HashMap<>();
    private String[] table = new String[64];
    private int size;
    private int[] dense = new int[0];
    private long lastId = Long.MIN_VALUE;
    private int lastLocal = -1;

    LocalStrings(StringIdMap all) {
        this.all = all;
    }

    /** The local id of the file string {@code id}; its text is {@code fallback} when the file has none. */
    int byId(long id, String fallback) {
        if (id == lastId) {
            return lastLocal;
        }
        int local;
        if (id >= 0 && id < DENSE_IDS) {
            // ids are dense in our files and nsys's: an array, not a boxed map, per row
            if (id >= dense.length) {
                int old = dense.length;
                dense = Arrays.copyOf(dense, (int) Math.min(DENSE_IDS, Math.max(2L * old, id + 1)));
                Arrays.fill(dense, old, dense.length, -1);
            }
            local = dense[(int) id];
            if (local < 0) {
                local = byText(all.get(id, fallback));
                dense[(int) id] = local;
            }
        } else {
            Integer boxed = byId.get(id);
            local = boxed == null ? byText(all.get(id, fallback)) : boxed;
            byId.put(id, local);
        }
        lastId = id;
        lastLocal = local;
        return local;
    }

    /** The local id of a text. */
    int byText(String s) {
        Integer local = byText.get(s);
        if (local == null) {
            local = size;
            if (size == table.length) {
                table = Arrays.copyOf(table, size * 2);
            }
            table[size++] = s;
            byText.put(s, local);
        }
        return local;
    }

    /** The texts by local id. */
    String[] strings() {
        return Arrays.copyOf(table, size);
    }
}

package org.fusescope.runner.record;

/**
 * One layer's routing as the align kernel saw it and the tables it built, copied to the host after a
 * step. Arrays are held, not copied.
 *
 * @param slots M·K'
 * @param ids the expert of each slot {@code [M·K']} (with the shared expert as E when appended)
 * @param count slots per expert {@code [E']}
 * @param expertToTokens per expert its slots, {@code [E', M·K']}; row e holds {@code count[e]} valid entries
 */
public record LayerTables(int layer, int slots, int[] ids, int[] count, int[] expertToTokens) {
    public LayerTables {
        if (ids.length != slots || expertToTokens.length != (long) count.length * slots) {
            throw new IllegalArgumentException(
                    "tables of layer " + layer + " do not match " + slots + " slots and " + count.length + " experts");
        }
    }

    /** Experts with at least one slot. */
    public int touchedExperts() {
        int touched = 0;
        for (int c : count) {
            touched += c > 0 ? 1 : 0;
        }
        return touched;
    }
}

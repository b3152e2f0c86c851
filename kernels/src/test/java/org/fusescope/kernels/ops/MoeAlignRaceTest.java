package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The invariant check of the race demonstration on crafted tables: 4 slots, 2 experts. */
class MoeAlignRaceTest {
    private static final int[] IDS = {0, 1, 1, 0};

    @Test
    void intactTablesAreNotBroken() {
        assertThat(broken(new int[] {2, 2}, 0, 3, -1, -1, 1, 2, -1, -1)).isFalse();
        // the order within an expert's list does not matter
        assertThat(broken(new int[] {2, 2}, 3, 0, -1, -1, 2, 1, -1, -1)).isFalse();
    }

    @Test
    void aLostCountIsBroken() {
        assertThat(broken(new int[] {2, 1}, 0, 3, -1, -1, 1, -1, -1, -1)).isTrue();
    }

    @Test
    void aSlotListedTwiceIsBroken() {
        assertThat(broken(new int[] {2, 2}, 0, 0, -1, -1, 1, 2, -1, -1)).isTrue();
    }

    @Test
    void aSlotUnderAnotherExpertIsBroken() {
        assertThat(broken(new int[] {2, 2}, 0, 1, -1, -1, 3, 2, -1, -1)).isTrue();
    }

    @Test
    void anEntryOutOfRangeOrACountOutOfRangeIsBroken() {
        assertThat(broken(new int[] {2, 2}, 0, 4, -1, -1, 1, 2, -1, -1)).isTrue();
        assertThat(broken(new int[] {-1, 5}, -1, -1, -1, -1, 1, 2, 0, 3)).isTrue();
        assertThat(broken(new int[] {5, -1}, 0, 3, 1, 2, -1, -1, -1, -1)).isTrue();
    }

    private static boolean broken(int[] counts, int... tables) {
        return MoeAlignRace.broken(IDS, counts, tables, new int[IDS.length]);
    }
}

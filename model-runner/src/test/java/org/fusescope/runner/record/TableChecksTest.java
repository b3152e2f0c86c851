package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * Each of TableChecks' five problem codes, triggered by a crafted table (4 slots; rows of {@code
 * expertToTokens} padded with -1 past their count). A lost slot always also breaks another invariant:
 * with {@code Σ count = slots} the rows list at least {@code slots} entries (a negative count lists
 * none, one above {@code slots} lists {@code slots}), so a slot in no list means another is listed
 * twice or an entry is out of range; the test for {@code slot-missing} therefore expects the count sum
 * to break with it, as it does when the align kernel loses a count.
 */
class TableChecksTest {
    private static final int STEP = 7;
    private static final int LAYER = 3;

    @Test
    void intactTablesHaveNoProblems() {
        LayerTables t = tables(new int[] {0, 1, 1, 0}, new int[] {2, 2}, row(0, 3), row(2, 1));
        assertThat(TableChecks.check(t, STEP)).isEmpty();
    }

    @Test
    void countsAddingUpToMoreThanTheSlotsBreakOnlyTheSum() {
        // expert 0 claims 5 slots; its row is cut at 4, which lists every slot once
        LayerTables t = tables(new int[] {0, 0, 0, 0}, new int[] {5, 0}, row(0, 1, 2, 3), row());
        List<Problem> problems = TableChecks.check(t, STEP);
        assertThat(codes(problems)).containsExactly("expert-count-sum");
        assertThat(problems.get(0).message())
                .isEqualTo("layer 3 step 7: expert token counts add up to 5, not M·K' = 4");
    }

    @Test
    void aLostSlotIsMissingAndShortensTheSum() {
        LayerTables t = tables(new int[] {0, 1, 1, 0}, new int[] {2, 1}, row(0, 3), row(1));
        List<Problem> problems = TableChecks.check(t, STEP);
        assertThat(codes(problems)).containsExactly("expert-count-sum", "slot-missing");
        assertThat(problems.get(1).message()).isEqualTo("layer 3 step 7: 1 slot(s) in no expert's list, first slot 2");
    }

    @Test
    void aSlotListedTwiceIsADuplicate() {
        // counts -1 + 3 + 2 = 4 = slots, but expert 2 lists slot 3 twice; every slot is still listed
        LayerTables t = tables(new int[] {1, 1, 1, 2}, new int[] {-1, 3, 2}, row(), row(0, 1, 2), row(3, 3));
        List<Problem> problems = TableChecks.check(t, STEP);
        assertThat(codes(problems)).containsExactly("slot-duplicate");
        assertThat(problems.get(0).message())
                .isEqualTo("layer 3 step 7: 1 slot(s) listed more than once, first slot 3");
    }

    @Test
    void aSlotNumberPastTheTableIsOutOfRange() {
        // counts -1 + 4 + 1 = 4 = slots; expert 1 lists every slot, expert 2 lists slot 7 of 4
        LayerTables t = tables(new int[] {1, 1, 1, 1}, new int[] {-1, 4, 1}, row(), row(0, 1, 2, 3), row(7));
        List<Problem> problems = TableChecks.check(t, STEP);
        assertThat(codes(problems)).containsExactly("slot-out-of-range");
        assertThat(problems.get(0).message()).isEqualTo("layer 3 step 7: expert 2 lists slot 7");
    }

    @Test
    void aSlotUnderAnotherExpertIsTheWrongExpert() {
        // slots 1 and 2 swap experts: every slot is listed once and the counts add up
        LayerTables t = tables(new int[] {0, 1, 0, 1}, new int[] {2, 2}, row(0, 1), row(2, 3));
        List<Problem> problems = TableChecks.check(t, STEP);
        assertThat(codes(problems)).containsExactly("slot-wrong-expert");
        assertThat(problems.get(0).message()).isEqualTo("layer 3 step 7: slot 1 (expert 1) is listed under expert 0");
    }

    @Test
    void problemsAreErrorsOfTheirLayerAndStep() {
        LayerTables t = tables(new int[] {0, 0, 0, 0}, new int[] {5, 0}, row(0, 1, 2, 3), row());
        Problem p = TableChecks.check(t, STEP).get(0);
        assertThat(p).isEqualTo(new Problem(Severity.ERROR, p.code(), p.message(), LAYER, STEP, -1));
    }

    /** One row of 4 slots: the given entries, then -1. */
    private static int[] row(int... entries) {
        int[] row = {-1, -1, -1, -1};
        System.arraycopy(entries, 0, row, 0, entries.length);
        return row;
    }

    private static LayerTables tables(int[] ids, int[] count, int[]... rows) {
        int[] expertToTokens = new int[rows.length * ids.length];
        for (int e = 0; e < rows.length; e++) {
            System.arraycopy(rows[e], 0, expertToTokens, e * ids.length, ids.length);
        }
        return new LayerTables(LAYER, ids.length, ids, count, expertToTokens);
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(Problem::code).toList();
    }
}

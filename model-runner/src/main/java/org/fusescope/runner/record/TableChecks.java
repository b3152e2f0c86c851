package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * The align invariants of docs/kernels.md, checked on one layer's tables after every step: {@code Σ count =
 * M·K'}, and every slot appears exactly once, in the list of its own expert. Each broken invariant
 * is one problem (at most one per kind, with the first offending expert or slot named). Stateless.
 */
public final class TableChecks {
    private TableChecks() {}

    /** The problems of {@code t} at {@code step}; empty when every invariant holds. */
    public static List<Problem> check(LayerTables t, int step) {
        List<Problem> problems = new ArrayList<>();
        long sum = 0;
        for (int c : t.count()) {
            sum += c;
        }
        if (sum != t.slots()) {
            problems.add(problem(
                    "expert-count-sum",
                    "layer " + t.layer() + " step " + step + ": expert token counts add up to " + sum + ", not M·K' = "
                            + t.slots(),
                    t,
                    step));
        }
        int[] seen = new int[t.slots()];
        String outOfRange = null;
        String wrongExpert = null;
        for (int e = 0; e < t.count().length; e++) {
            int n = Math.min(Math.max(t.count()[e], 0), t.slots());
            for (int j = 0; j < n; j++) {
                int s = t.expertToTokens()[e * t.slots() + j];
                if (s < 0 || s >= t.slots()) {
                    outOfRange = outOfRange != null ? outOfRange : "expert " + e + " lists slot " + s;
                } else {
                    seen[s]++;
                    if (t.ids()[s] != e && wrongExpert == null) {
                        wrongExpert = "slot " + s + " (expert " + t.ids()[s] + ") is listed under expert " + e;
                    }
                }
            }
        }
        int missing = 0;
        int duplicated = 0;
        int firstMissing = -1;
        int firstDuplicate = -1;
        for (int s = 0; s < seen.length; s++) {
            if (seen[s] == 0) {
                firstMissing = missing++ == 0 ? s : firstMissing;
            } else if (seen[s] > 1) {
                firstDuplicate = duplicated++ == 0 ? s : firstDuplicate;
            }
        }
        String where = "layer " + t.layer() + " step " + step + ": ";
        if (missing > 0) {
            problems.add(problem(
                    "slot-missing",
                    where + missing + " slot(s) in no expert's list, first slot " + firstMissing,
                    t,
                    step));
        }
        if (duplicated > 0) {
            problems.add(problem(
                    "slot-duplicate",
                    where + duplicated + " slot(s) listed more than once, first slot " + firstDuplicate,
                    t,
                    step));
        }
        if (outOfRange != null) {
            problems.add(problem("slot-out-of-range", where + outOfRange, t, step));
        }
        if (wrongExpert != null) {
            problems.add(problem("slot-wrong-expert", where + wrongExpert, t, step));
        }
        return problems;
    }

    private static Problem problem(String code, String message, LayerTables t, int step) {
        return new Problem(Severity.ERROR, code, message, t.layer(), step, -1);
    }
}

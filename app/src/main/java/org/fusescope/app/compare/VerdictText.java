package org.fusescope.app.compare;

import java.util.Locale;
import org.fusescope.profiler.analysis.ChangeKind;
import org.fusescope.profiler.analysis.GroupComparison;
import org.fusescope.profiler.analysis.NoiseRule;
import org.fusescope.profiler.analysis.Verdict;

/** A verdict with its spread in words, for the compare editor's labels. Stateless. */
final class VerdictText {
    private VerdictText() {}

    /**
     * E.g. {@code grouped_gemm2: within noise (0.98x) — 104,258 ns (IQR 2,440) → 106,161 ns (IQR 2,496),
     * +1.8 % (95 % interval +0.7 … +3.5 %)}; a removed group adds where its work went.
     */
    static String of(GroupComparison g) {
        String text = g.group() + ": " + of(g.verdict());
        if (!g.movedWork().isEmpty()) {
            text += "; " + (g.change() == ChangeKind.REMOVED ? "its work " : "") + g.movedWork();
        }
        return text;
    }

    /**
     * The verdict, and for a value both runs have its speed-up; both medians with their IQR; for a value
     * both runs have, the change with its interval.
     */
    static String of(Verdict v) {
        String medians = String.format(
                Locale.ROOT,
                "%s%s — %,.0f ns (IQR %,.0f) → %,.0f ns (IQR %,.0f)",
                v.change().label(),
                Double.isNaN(v.speedUp()) ? "" : String.format(Locale.ROOT, " (%.2fx)", v.speedUp()),
                v.baseline().median(),
                v.baseline().iqr(),
                v.candidate().median(),
                v.candidate().iqr());
        if (v.change() == ChangeKind.ADDED || v.change() == ChangeKind.REMOVED) {
            return medians;
        }
        return medians
                + String.format(
                        Locale.ROOT,
                        ", %+.1f %% (%.0f %% interval %+.1f … %+.1f %%)",
                        v.changePercent(),
                        NoiseRule.CONFIDENCE * 100,
                        v.changeLowPercent(),
                        v.changeHighPercent());
    }
}

package org.fusescope.profiler.analysis;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.OpMove;

/**
 * Says where the work of a fusion group that only one run has went, from the op catalog's {@link
 * OpMove}s: {@code shared_expert} removed by {@code shared_as_expert} reads "moved into grouped_gemm1,
 * silu_and_mul, grouped_gemm2 (shared_as_expert)". A move counts when the run that lacks the group
 * runs the op that took the work. Stateless.
 */
final class MovedWork {
    private MovedWork() {}

    /** Where the baseline's {@code group}, missing from the candidate, went; empty when the catalog does not say. */
    static String removed(String group, Map<String, GroupUsage> baseline, Map<String, GroupUsage> candidate) {
        Moves moves = describe(group, baseline, candidate);
        return moves == null ? "" : "moved into " + moves.groups() + " (" + moves.switches() + ")";
    }

    /** Where the candidate's {@code group}, missing from the baseline, came from; empty when the catalog does not say. */
    static String added(String group, Map<String, GroupUsage> baseline, Map<String, GroupUsage> candidate) {
        Moves moves = describe(group, candidate, baseline);
        return moves == null ? "" : "split out of " + moves.groups() + " (" + moves.switches() + " off)";
    }

    /** The groups of one run that did the work of the other run's group, and the switches that moved it. */
    private record Moves(String groups, String switches) {}

    /** The groups of {@code other} that took the work of {@code owner}'s group; null when none did. */
    private static Moves describe(String group, Map<String, GroupUsage> owner, Map<String, GroupUsage> other) {
        GroupUsage usage = owner.get(group);
        if (usage == null) {
            return null;
        }
        Set<String> into = new LinkedHashSet<>();
        Set<Fusion> by = EnumSet.noneOf(Fusion.class);
        for (OpMove move : OpMove.values()) {
            if (move.from().fusionGroup().equals(group)
                    && usage.opNames().contains(move.from().opName())
                    && runs(other, move.into().fusionGroup(), move.into().opName())) {
                into.add(move.into().fusionGroup());
                by.add(move.by());
            }
        }
        if (into.isEmpty()) {
            return null;
        }
        return new Moves(
                String.join(", ", into), by.stream().map(Fusion::switchName).collect(Collectors.joining(", ")));
    }

    private static boolean runs(Map<String, GroupUsage> run, String group, String op) {
        GroupUsage usage = run.get(group);
        return usage != null && usage.opNames().contains(op);
    }
}

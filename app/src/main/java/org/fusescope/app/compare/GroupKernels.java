package org.fusescope.app.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * The kernels of one run by fusion group and decode step, as indices into the run's kernels (the
 * timeline's kernel indices). A kernel without attribution is a group of its own name; one without a
 * step is in none. Immutable.
 */
final class GroupKernels {
    private final String[] groupOf;
    private final Map<String, Map<Integer, int[]>> byGroupAndStep;
    private final RunTrace trace;

    GroupKernels(RunTrace trace) {
        this.trace = trace;
        List<KernelEvent> kernels = trace.kernels();
        groupOf = new String[kernels.size()];
        Map<String, Map<Integer, List<Integer>>> lists = new HashMap<>();
        for (int i = 0; i < kernels.size(); i++) {
            KernelEvent k = kernels.get(i);
            groupOf[i] = k.hasAttribution() ? k.attribution().fusionGroup() : k.name();
            int step = k.hasAttribution() ? k.attribution().step() : -1;
            lists.computeIfAbsent(groupOf[i], g -> new HashMap<>())
                    .computeIfAbsent(step, s -> new ArrayList<>())
                    .add(i);
        }
        byGroupAndStep = new HashMap<>();
        lists.forEach((group, steps) -> {
            Map<Integer, int[]> arrays = new HashMap<>();
            steps.forEach((step, indices) -> arrays.put(
                    step, indices.stream().mapToInt(Integer::intValue).toArray()));
            byGroupAndStep.put(group, arrays);
        });
    }

    /** The group of kernel {@code index}, or null for an index out of range. */
    String groupOf(int index) {
        return index >= 0 && index < groupOf.length ? groupOf[index] : null;
    }

    /** The kernels of {@code group} in {@code step}, in start order; empty when none. */
    int[] kernels(String group, int step) {
        return byGroupAndStep
                .getOrDefault(group, Map.of())
                .getOrDefault(step, new int[0])
                .clone();
    }

    /** Summed duration (ns) of the group's kernels in the step; 0 when none. */
    long durationNs(String group, int step) {
        long sum = 0;
        for (int k : kernels(group, step)) {
            sum += trace.kernels().get(k).durationNs();
        }
        return sum;
    }

    long startNs(int index) {
        return trace.kernels().get(index).startNs();
    }

    long endNs(int index) {
        return trace.kernels().get(index).endNs();
    }
}

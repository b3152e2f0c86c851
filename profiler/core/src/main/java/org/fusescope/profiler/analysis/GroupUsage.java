package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusescope.profiler.model.KernelEvent;

/**
 * What one fusion group cost in one run: launches and bytes per step (totals divided by the steps)
 * and its GPU time in each step. Kernels without attribution form a group of their own name. Every
 * kernel counts as one launch, so graph-mode runs compare with eager ones.
 *
 * @param opNames the group's ops (kernel names without attribution) in order of first appearance
 * @param stepNs summed own time ({@link OwnTime}) of the group's kernels in each step, in step order (0 where it
 *     ran none)
 */
record GroupUsage(String group, List<String> opNames, double launches, double bytes, double[] stepNs) {
    /** The ops joined by {@code " + "}. */
    String ops() {
        return String.join(" + ", opNames);
    }

    /** Usage per group (in order of first appearance) of the kernels of every step of {@code steps}. */
    static Map<String, GroupUsage> perStep(StepIndex steps) {
        List<Integer> order = steps.steps();
        int count = Math.max(1, order.size());
        Map<String, List<KernelEvent>> byGroup = new LinkedHashMap<>();
        Map<String, double[]> stepNs = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            List<KernelEvent> kernels = steps.kernels(order.get(i));
            Map<KernelEvent, Long> own = OwnTime.of(kernels);
            for (KernelEvent k : kernels) {
                String group = groupOf(k);
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(k);
                stepNs.computeIfAbsent(group, g -> new double[count])[i] += OwnTime.get(own, k);
            }
        }
        Map<String, GroupUsage> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<KernelEvent>> e : byGroup.entrySet()) {
            Set<String> ops = new LinkedHashSet<>();
            long bytes = 0;
            for (KernelEvent k : e.getValue()) {
                ops.add(k.hasAttribution() ? k.attribution().op() : k.name());
                bytes = Sums.add(bytes, k.hasAttribution() ? k.attribution().bytes() : 0);
            }
            out.put(
                    e.getKey(),
                    new GroupUsage(
                            e.getKey(),
                            List.copyOf(ops),
                            (double) e.getValue().size() / count,
                            (double) bytes / count,
                            stepNs.get(e.getKey())));
        }
        return out;
    }

    /** A group the run lacks: no ops, and zero in each of its {@code steps} steps. */
    static GroupUsage absent(String group, int steps) {
        return new GroupUsage(group, List.of(), 0, 0, new double[Math.max(1, steps)]);
    }

    static String groupOf(KernelEvent kernel) {
        return kernel.hasAttribution() ? kernel.attribution().fusionGroup() : kernel.name();
    }
}

package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusescope.profiler.model.KernelEvent;

/**
 * What one fusion group cost in one run, per step. Kernels without attribution form a group of
 * their own name. Every kernel counts as one launch, so graph-mode runs compare with eager ones.
 *
 * @param ops the group's ops (kernel names without attribution) in order of first appearance,
 *     joined by {@code " + "}
 */
record GroupUsage(String group, String ops, double launches, double gpuNs, double bytes) {
    /** Usage per group (in order of first appearance) of the kernels, divided by {@code steps}. */
    static Map<String, GroupUsage> perStep(List<KernelEvent> kernels, int steps) {
        Map<String, List<KernelEvent>> byGroup = new LinkedHashMap<>();
        for (KernelEvent k : kernels) {
            byGroup.computeIfAbsent(groupOf(k), g -> new ArrayList<>()).add(k);
        }
        Map<String, GroupUsage> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<KernelEvent>> e : byGroup.entrySet()) {
            Set<String> ops = new LinkedHashSet<>();
            long ns = 0;
            long bytes = 0;
            for (KernelEvent k : e.getValue()) {
                ops.add(k.hasAttribution() ? k.attribution().op() : k.name());
                ns = Sums.add(ns, k.durationNs());
                bytes = Sums.add(bytes, k.hasAttribution() ? k.attribution().bytes() : 0);
            }
            out.put(
                    e.getKey(),
                    new GroupUsage(
                            e.getKey(),
                            String.join(" + ", ops),
                            (double) e.getValue().size() / steps,
                            (double) ns / steps,
                            (double) bytes / steps));
        }
        return out;
    }

    static String groupOf(KernelEvent kernel) {
        return kernel.hasAttribution() ? kernel.attribution().fusionGroup() : kernel.name();
    }
}

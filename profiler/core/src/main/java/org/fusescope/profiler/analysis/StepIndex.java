package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunTrace;

/**
 * Assigns kernels to decode steps: by {@code attribution.step()} when it is ≥ 0, else by the STEP
 * range that contains the launch call on the same thread. A trace with neither is one step, index
 * 0. In a trace that has steps, kernels that fall in none (warm-up) are left out. Immutable.
 */
final class StepIndex {
    private static final Pattern STEP_NUMBER = Pattern.compile("(?i)\\bstep\\s*(\\d+)");

    private final SortedMap<Integer, RangeEvent> stepRanges = new TreeMap<>();
    private final SortedMap<Integer, List<KernelEvent>> kernelsByStep = new TreeMap<>();

    StepIndex(RunTrace trace, LaunchIndex launches) {
        int ordinal = 0;
        for (RangeEvent r : trace.ranges()) {
            if (r.level() == RangeLevel.STEP) {
                // The runner names ranges "step N"; foreign STEP ranges are numbered in time order.
                Matcher m = STEP_NUMBER.matcher(r.text());
                stepRanges.putIfAbsent(m.find() ? Integer.parseInt(m.group(1)) : ordinal, r);
                ordinal++;
            }
        }
        boolean attributed = trace.kernels().stream()
                .anyMatch(k -> k.hasAttribution() && k.attribution().step() >= 0);
        boolean oneStep = !attributed && stepRanges.isEmpty();
        for (KernelEvent k : trace.kernels()) {
            int step = oneStep ? 0 : stepOf(k, launches);
            if (step >= 0) {
                kernelsByStep.computeIfAbsent(step, s -> new ArrayList<>()).add(k);
            }
        }
    }

    private int stepOf(KernelEvent kernel, LaunchIndex launches) {
        if (kernel.hasAttribution() && kernel.attribution().step() >= 0) {
            return kernel.attribution().step();
        }
        ApiCall launch = launches.launchOf(kernel);
        if (launch != null) {
            for (Map.Entry<Integer, RangeEvent> e : stepRanges.entrySet()) {
                RangeEvent r = e.getValue();
                if (r.globalTid() == launch.globalTid() && r.contains(launch.startNs())) {
                    return e.getKey();
                }
            }
        }
        return -1;
    }

    /** The steps that have kernels or a STEP range, ascending. */
    List<Integer> steps() {
        TreeMap<Integer, Boolean> all = new TreeMap<>();
        stepRanges.keySet().forEach(s -> all.put(s, Boolean.TRUE));
        kernelsByStep.keySet().forEach(s -> all.put(s, Boolean.TRUE));
        return List.copyOf(all.keySet());
    }

    /** The step's kernels in start order (empty when none). */
    List<KernelEvent> kernels(int step) {
        return Collections.unmodifiableList(kernelsByStep.getOrDefault(step, List.of()));
    }

    /** The kernels of all steps, step by step. */
    List<KernelEvent> kernelsInSteps() {
        List<KernelEvent> all = new ArrayList<>();
        kernelsByStep.values().forEach(all::addAll);
        return all;
    }

    /** The step's STEP range, or null when it has none. */
    RangeEvent range(int step) {
        return stepRanges.get(step);
    }
}

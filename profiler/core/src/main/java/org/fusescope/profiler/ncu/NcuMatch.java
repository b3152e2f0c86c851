package org.fusescope.profiler.ncu;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.KernelEvent;

/**
 * Pairs the kernels of one recorded step with the launches ncu profiled, by kernel name, grid, block
 * and order. ncu profiles every launch of its process (set-up, warm-up and every step), so the step is
 * looked for as a whole, from the end: the last run of ncu launches that repeats the step's sequence.
 * When no run repeats it exactly, kernels are paired one by one from the end in order, and the rest is
 * reported.
 *
 * @param pairs the matched kernels, in the step's order
 * @param unmatchedKernels recorded kernels that no ncu launch matched
 * @param unmatchedLaunches ncu launches between the first and the last match that matched no kernel
 */
public record NcuMatch(List<Pair> pairs, List<KernelEvent> unmatchedKernels, List<NcuKernel> unmatchedLaunches) {
    /** One recorded kernel and the ncu launch that measured it. */
    public record Pair(KernelEvent kernel, NcuKernel launch) {}

    public NcuMatch {
        pairs = List.copyOf(pairs);
        unmatchedKernels = List.copyOf(unmatchedKernels);
        unmatchedLaunches = List.copyOf(unmatchedLaunches);
    }

    /** Matches {@code step} (in start order) against ncu's launches (in ncu's order). */
    public static NcuMatch of(List<KernelEvent> step, List<NcuKernel> launches) {
        int n = step.size();
        for (int at = launches.size() - n; at >= 0 && n > 0; at--) {
            if (window(step, launches, at)) {
                List<Pair> pairs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    pairs.add(new Pair(step.get(i), launches.get(at + i)));
                }
                return new NcuMatch(pairs, List.of(), List.of());
            }
        }
        return oneByOne(step, launches);
    }

    private static boolean window(List<KernelEvent> step, List<NcuKernel> launches, int at) {
        for (int i = 0; i < step.size(); i++) {
            if (!same(step.get(i), launches.get(at + i))) {
                return false;
            }
        }
        return true;
    }

    private static NcuMatch oneByOne(List<KernelEvent> step, List<NcuKernel> launches) {
        Pair[] found = new Pair[step.size()];
        boolean[] used = new boolean[launches.size()];
        List<KernelEvent> missing = new ArrayList<>();
        int cursor = launches.size() - 1;
        int first = launches.size();
        int last = -1;
        for (int i = step.size() - 1; i >= 0; i--) {
            int j = cursor;
            while (j >= 0 && !same(step.get(i), launches.get(j))) {
                j--;
            }
            if (j < 0) {
                missing.add(0, step.get(i));
            } else {
                found[i] = new Pair(step.get(i), launches.get(j));
                used[j] = true;
                first = Math.min(first, j);
                last = Math.max(last, j);
                cursor = j - 1;
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Pair p : found) {
            if (p != null) {
                pairs.add(p);
            }
        }
        List<NcuKernel> extra = new ArrayList<>();
        for (int j = first; j <= last; j++) {
            if (!used[j]) {
                extra.add(launches.get(j));
            }
        }
        return new NcuMatch(pairs, missing, extra);
    }

    /** Same kernel: the same function name (ncu prints it demangled), grid and block. */
    static boolean same(KernelEvent kernel, NcuKernel launch) {
        if (!kernel.grid().equals(launch.grid()) || !kernel.block().equals(launch.block())) {
            return false;
        }
        String ncu = KernelNames.function(launch.name());
        return ncu.equals(KernelNames.function(kernel.name()))
                || (kernel.demangledName() != null && ncu.equals(KernelNames.function(kernel.demangledName())));
    }
}

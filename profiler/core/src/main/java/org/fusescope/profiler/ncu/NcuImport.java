package org.fusescope.profiler.ncu;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunTrace;

/**
 * Turns ncu's launches into measurements of a recorded run: the run's last step (by the kernels'
 * attributed step; the whole run when nothing is attributed) is matched with {@link NcuMatch}.
 *
 * @param measured one measurement per matched kernel
 * @param match the match, with what stayed unmatched
 */
public record NcuImport(List<MeasuredKernel> measured, NcuMatch match) {
    public NcuImport {
        measured = List.copyOf(measured);
    }

    public static NcuImport of(RunTrace run, List<NcuKernel> launches) {
        NcuMatch match = NcuMatch.of(lastStep(run), launches);
        List<MeasuredKernel> measured = new ArrayList<>();
        for (NcuMatch.Pair p : match.pairs()) {
            NcuKernel l = p.launch();
            measured.add(new MeasuredKernel(
                    p.kernel().startNs(),
                    l.id(),
                    l.value(NcuMetric.DURATION),
                    l.value(NcuMetric.DRAM_READ),
                    l.value(NcuMetric.DRAM_WRITE),
                    l.value(NcuMetric.DRAM_THROUGHPUT),
                    l.value(NcuMetric.SM_THROUGHPUT),
                    l.value(NcuMetric.ACHIEVED_OCCUPANCY),
                    l.value(NcuMetric.L2_HIT_RATE)));
        }
        return new NcuImport(measured, match);
    }

    /** The kernels of the run's last attributed step in start order, or all its kernels. */
    static List<KernelEvent> lastStep(RunTrace run) {
        int last = run.kernels().stream()
                .filter(KernelEvent::hasAttribution)
                .mapToInt(k -> k.attribution().step())
                .max()
                .orElse(-1);
        if (last < 0) {
            return run.kernels();
        }
        return run.kernels().stream()
                .filter(k -> k.hasAttribution() && k.attribution().step() == last)
                .toList();
    }

    /** One line: how many of the step's kernels were matched, and what was not. */
    public String summary() {
        int step = match.pairs().size() + match.unmatchedKernels().size();
        StringBuilder s = new StringBuilder(match.pairs().size() + " of " + step + " kernels of the last step matched");
        if (!match.unmatchedKernels().isEmpty()) {
            s.append("; unmatched kernels: ")
                    .append(String.join(
                            ", ",
                            match.unmatchedKernels().stream()
                                    .map(KernelEvent::name)
                                    .distinct()
                                    .toList()));
        }
        if (!match.unmatchedLaunches().isEmpty()) {
            s.append("; ")
                    .append(match.unmatchedLaunches().size())
                    .append(" ncu launches inside the step matched no kernel");
        }
        return s.toString();
    }
}

package org.fusescope.app.problems;

import java.util.List;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * Where a problem leads on its run's timeline: the kernel at its time (selected), else the kernels
 * of its layer and step (shown together), else the whole run. Immutable.
 *
 * @param kernel the index of the kernel to select in the run's kernels, or -1
 * @param startNs start of the interval to show (ns)
 * @param endNs end of the interval to show (ns)
 */
public record ProblemPlace(int kernel, long startNs, long endNs) {
    /** How far around a time that no kernel covers the window reaches (ns). */
    public static final long AROUND_NS = 5_000;

    /** The place of {@code problem} in {@code trace}, its run. Plain computation; any thread. */
    public static ProblemPlace of(ProblemItem problem, RunTrace trace) {
        List<KernelEvent> kernels = trace.kernels();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        boolean scoped = problem.layer() >= 0 || problem.step() >= 0;
        int atTime = -1;
        for (int i = 0; i < kernels.size(); i++) {
            KernelEvent k = kernels.get(i);
            boolean inScope = scoped && k.hasAttribution() && matches(k.attribution(), problem);
            if (inScope) {
                start = Math.min(start, k.startNs());
                end = Math.max(end, k.endNs());
            }
            boolean covers = problem.timeNs() >= 0 && k.startNs() <= problem.timeNs() && problem.timeNs() <= k.endNs();
            if (covers && (atTime < 0 || inScope)) {
                atTime = i;
            }
        }
        if (atTime >= 0) {
            KernelEvent k = kernels.get(atTime);
            return start <= end
                    ? new ProblemPlace(atTime, Math.min(start, k.startNs()), Math.max(end, k.endNs()))
                    : new ProblemPlace(atTime, k.startNs(), k.endNs());
        }
        if (start <= end) {
            return new ProblemPlace(-1, start, end);
        }
        if (problem.timeNs() >= 0) {
            return new ProblemPlace(-1, problem.timeNs() - AROUND_NS, problem.timeNs() + AROUND_NS);
        }
        return new ProblemPlace(-1, trace.run().startNs(), runEnd(trace));
    }

    private static boolean matches(KernelAttribution a, ProblemItem p) {
        return (p.layer() < 0 || a.layer() == p.layer()) && (p.step() < 0 || a.step() == p.step());
    }

    /** The run's end, or its last event's for a run that never ended. */
    private static long runEnd(RunTrace trace) {
        if (trace.run().endNs() != Long.MAX_VALUE) {
            return trace.run().endNs();
        }
        return trace.kernels().stream()
                .mapToLong(KernelEvent::endNs)
                .max()
                .orElse(trace.run().startNs() + AROUND_NS);
    }

    /** True when there is a kernel to select. */
    public boolean selectsKernel() {
        return kernel >= 0;
    }
}

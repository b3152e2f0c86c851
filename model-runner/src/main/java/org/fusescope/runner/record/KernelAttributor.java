package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusescope.kernels.ops.Work;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * Says which op, layer and step each kernel of a run computed. An eagerly launched kernel belongs to
 * the op whose CPU interval holds the API call that launched it (same correlation id). Kernels of a
 * graph replay all share the replay's correlation id; they ran one after another in capture order,
 * so, sorted by start, they match the kernels of the eager step that preceded the capture (same count
 * and names, else a {@code graph-attribution} problem and no attribution). A launch that ran several
 * kernels (a cuBLAS split-K GEMM) carries its work on the first one. Not thread-safe.
 */
final class KernelAttributor {
    /** Work of a launch at a layer and step (the routing decides the grouped GEMMs' bytes). */
    interface WorkModel {
        Work work(OpMark mark);
    }

    private final List<OpMark> marks;
    private final List<GraphMark> graphSteps;
    private final WorkModel workModel;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * @param marks the eager launches, in order; those of step -1 before a capture make the template
     * @param graphSteps the graph replays
     */
    KernelAttributor(List<OpMark> marks, List<GraphMark> graphSteps, WorkModel workModel) {
        this.marks = marks.stream()
                .filter(m -> m.startNs() >= 0)
                .sorted(Comparator.comparingLong(OpMark::startNs))
                .toList();
        this.graphSteps = List.copyOf(graphSteps);
        this.workModel = workModel;
    }

    /** The kernels with attributions where known, in start order. */
    List<KernelEvent> attribute(List<KernelEvent> kernels, List<ApiCall> apiCalls) {
        Map<Long, Long> launchTime = new HashMap<>();
        for (ApiCall a : apiCalls) {
            launchTime.merge(a.correlationId(), a.startNs(), Math::min);
        }
        List<KernelEvent> sorted = kernels.stream()
                .sorted(Comparator.comparingLong(KernelEvent::startNs))
                .toList();
        Set<OpMark> worked = new HashSet<>();
        List<KernelEvent> out = new ArrayList<>(sorted.size());
        Map<Long, List<Integer>> replays = new HashMap<>();
        Map<Long, Integer> replayStep = new HashMap<>();
        List<OpMark> template = new ArrayList<>();
        List<String> templateNames = new ArrayList<>();
        for (KernelEvent k : sorted) {
            Long t = launchTime.get(k.correlationId());
            OpMark mark = t == null ? null : markAt(t);
            GraphMark replay = t == null || mark != null ? null : replayAt(t);
            if (mark != null) {
                boolean first = worked.add(mark);
                out.add(k.withAttribution(attribution(mark, first)));
                if (mark.step() < 0 && graphSteps.size() > 0) {
                    template.add(mark);
                    templateNames.add(k.name());
                }
            } else if (replay != null) {
                replays.computeIfAbsent(k.correlationId(), c -> new ArrayList<>())
                        .add(out.size());
                replayStep.put(k.correlationId(), replay.step());
                out.add(k);
            } else {
                out.add(k);
            }
        }
        for (Map.Entry<Long, List<Integer>> r : replays.entrySet()) {
            attributeReplay(out, r.getValue(), replayStep.get(r.getKey()), template, templateNames);
        }
        return out;
    }

    /** Problems found while attributing. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    private void attributeReplay(
            List<KernelEvent> out, List<Integer> at, int step, List<OpMark> template, List<String> names) {
        List<String> seen = at.stream().map(i -> out.get(i).name()).toList();
        if (!seen.equals(names)) {
            problems.add(new Problem(
                    Severity.WARNING,
                    "graph-attribution",
                    "step " + step + ": the graph ran " + seen.size() + " kernels, the eager step before the capture "
                            + names.size() + (seen.size() == names.size() ? " with other names" : "")
                            + "; these kernels have no op",
                    -1,
                    step,
                    out.get(at.get(0)).startNs()));
            return;
        }
        Set<OpMark> worked = new HashSet<>();
        for (int i = 0; i < at.size(); i++) {
            OpMark m = template.get(i);
            OpMark inStep = new OpMark(m.launch(), m.layer(), step, -1, -1);
            KernelEvent k = out.get(at.get(i));
            out.set(at.get(i), k.withAttribution(attribution(inStep, worked.add(m))));
        }
    }

    private KernelAttribution attribution(OpMark mark, boolean carriesWork) {
        Work w = carriesWork ? workModel.work(mark) : new Work(0, 0, 0);
        return new KernelAttribution(
                mark.launch().opName(),
                mark.launch().fusionGroup(),
                mark.launch().fused(),
                mark.layer(),
                mark.step(),
                w.bytesRead(),
                w.bytesWritten(),
                w.flops());
    }

    private OpMark markAt(long t) {
        int lo = 0;
        int hi = marks.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            OpMark m = marks.get(mid);
            if (m.endNs() < t) {
                lo = mid + 1;
            } else if (m.startNs() > t) {
                hi = mid - 1;
            } else {
                return m;
            }
        }
        return null;
    }

    private GraphMark replayAt(long t) {
        for (GraphMark g : graphSteps) {
            if (g.contains(t)) {
                return g;
            }
        }
        return null;
    }
}

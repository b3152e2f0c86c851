package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.KernelEvent;

/**
 * A kernel's own time: its duration less the part during which an earlier kernel of the same stream was still
 * running. On one stream that overlap is waiting, not work: a kernel launched with programmatic dependent launch
 * starts while its predecessor finishes and waits for it. Summed over the kernels of a stream, own times give the
 * stream's busy time, so group and layer-type times add up to the step's GPU busy time instead of counting the
 * wait twice. Kernels on different streams keep their overlap (it is concurrency). The kernel summary keeps the
 * recorded durations, as Nsight Systems does. Stateless.
 */
public final class OwnTime {
    private OwnTime() {}

    /** Own time (ns) of every kernel of {@code kernels}, by identity. */
    static Map<KernelEvent, Long> of(Collection<KernelEvent> kernels) {
        Map<KernelEvent, Long> own = new IdentityHashMap<>();
        Map<List<Integer>, List<KernelEvent>> byStream = kernels.stream()
                .collect(Collectors.groupingBy(
                        k -> List.of(k.deviceId(), k.contextId(), k.streamId()),
                        Collectors.toCollection(ArrayList::new)));
        for (List<KernelEvent> stream : byStream.values()) {
            stream.sort(Comparator.comparingLong(KernelEvent::startNs).thenComparingLong(KernelEvent::endNs));
            long busyUntil = Long.MIN_VALUE;
            for (KernelEvent k : stream) {
                own.put(k, Math.max(0, k.endNs() - Math.max(k.startNs(), busyUntil)));
                busyUntil = Math.max(busyUntil, k.endNs());
            }
        }
        return own;
    }

    /**
     * How long {@code kernel} ran while an earlier kernel of its stream among {@code kernels} had not ended (ns, 0
     * to its duration): its duration less its own time, for one kernel without building the whole map.
     */
    public static long waitNs(Collection<KernelEvent> kernels, KernelEvent kernel) {
        long busyUntil = Long.MIN_VALUE;
        for (KernelEvent k : kernels) {
            boolean earlier =
                    k.startNs() < kernel.startNs() || (k.startNs() == kernel.startNs() && k.endNs() < kernel.endNs());
            if (earlier
                    && k.deviceId() == kernel.deviceId()
                    && k.contextId() == kernel.contextId()
                    && k.streamId() == kernel.streamId()) {
                busyUntil = Math.max(busyUntil, k.endNs());
            }
        }
        return busyUntil <= kernel.startNs() ? 0 : Math.min(kernel.endNs(), busyUntil) - kernel.startNs();
    }

    /** Own time of {@code kernel} in {@code own}; its duration when {@code own} lacks it. */
    static long get(Map<KernelEvent, Long> own, KernelEvent kernel) {
        return Objects.requireNonNullElse(own.get(kernel), kernel.durationNs());
    }
}

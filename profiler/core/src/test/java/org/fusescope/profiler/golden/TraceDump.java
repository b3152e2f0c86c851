package org.fusescope.profiler.golden;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;

/** A text dump of everything a reader returns: what the reader's golden files hold. */
final class TraceDump {
    private static final int KERNELS_SHOWN = 6;

    private TraceDump() {}

    static String of(TraceReader reader) {
        StringBuilder out = new StringBuilder();
        out.append("nsys export: ").append(reader.isNsysExport()).append('\n');
        new TreeMap<>(reader.metadata())
                .forEach((k, v) ->
                        out.append("meta ").append(k).append(" = ").append(v).append('\n'));
        for (DeviceInfo device : reader.devices()) {
            out.append("device ").append(device).append('\n');
        }
        for (RunInfo run : reader.runs()) {
            out.append('\n').append("run ").append(run).append('\n');
            appendTrace(out, reader.load(run.id()));
        }
        return out.toString();
    }

    private static void appendTrace(StringBuilder out, RunTrace trace) {
        out.append(String.format(
                Locale.ROOT,
                "  kernels %d, api calls %d, memcpys %d, memsets %d, syncs %d, ranges %d, expert counts %d,"
                        + " checks %d, problems %d, threads %d%n",
                trace.kernels().size(),
                trace.apiCalls().size(),
                trace.memcpys().size(),
                trace.memsets().size(),
                trace.syncs().size(),
                trace.ranges().size(),
                trace.expertCounts().size(),
                trace.checks().size(),
                trace.problems().size(),
                trace.threadNames().size()));
        List<KernelEvent> kernels = trace.kernels();
        for (int i = 0; i < Math.min(KERNELS_SHOWN, kernels.size()); i++) {
            out.append("  kernel ").append(kernels.get(i)).append('\n');
        }
        if (!trace.apiCalls().isEmpty()) {
            out.append("  first api call ").append(trace.apiCalls().get(0)).append('\n');
        }
        trace.memcpys().stream()
                .findFirst()
                .ifPresent(m -> out.append("  first memcpy ").append(m).append('\n'));
        trace.memsets().stream()
                .findFirst()
                .ifPresent(m -> out.append("  first memset ").append(m).append('\n'));
        trace.syncs().stream()
                .findFirst()
                .ifPresent(s -> out.append("  first sync ").append(s).append('\n'));
        trace.ranges().stream()
                .limit(4)
                .forEach(r -> out.append("  range ").append(r).append('\n'));
        for (ExpertCounts counts : trace.expertCounts()) {
            out.append("  experts ")
                    .append(counts)
                    .append(' ')
                    .append(java.util.Arrays.toString(counts.tokensPerExpert()))
                    .append('\n');
        }
        trace.checks().forEach(c -> out.append("  check ").append(c).append('\n'));
        trace.problems().forEach(p -> out.append("  problem ").append(p).append('\n'));
        new TreeMap<Long, String>(trace.threadNames()).forEach((tid, name) -> out.append("  thread ")
                .append(tid)
                .append(" = ")
                .append(name)
                .append('\n'));
    }
}

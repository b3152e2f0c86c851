package org.fusescope.profiler.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * The processes and threads one run is drawn on: run {@code i} (0-based) gets the GPU process
 * {@code 2i + 1} with a thread per stream (tid = stream id) and one for synchronizations, and the
 * CPU process {@code 2i + 2} with a thread per CPU thread (tid = the OS thread id). Process sort
 * indexes keep the runs in order, each run's GPU above its CPU.
 */
final class RunTracks {
    /** The thread of the GPU process that holds the synchronizations (they overlap copies). */
    static final int SYNC_TID = 1_000_000_000;

    final int gpuPid;
    final int cpuPid;
    private final RunTrace trace;
    private final int index;
    private final TreeSet<Integer> streams = new TreeSet<>();
    private final Map<Long, Integer> cpuTids = new LinkedHashMap<>();

    RunTracks(RunTrace trace, int index) {
        this.trace = trace;
        this.index = index;
        this.gpuPid = 2 * index + 1;
        this.cpuPid = 2 * index + 2;
        trace.kernels().stream().map(KernelEvent::streamId).forEach(streams::add);
        trace.memcpys().stream().map(MemcpyEvent::streamId).forEach(streams::add);
        trace.memsets().stream().map(MemsetEvent::streamId).forEach(streams::add);
        new TreeSet<>(trace.threadNames().keySet()).forEach(this::cpuTid);
        trace.apiCalls().stream().map(ApiCall::globalTid).distinct().forEach(this::cpuTid);
        trace.ranges().stream().map(RangeEvent::globalTid).distinct().forEach(this::cpuTid);
    }

    /** The tid of a CPU thread: its OS thread id, or a fresh one if another thread has it. */
    int cpuTid(long globalTid) {
        Integer tid = cpuTids.get(globalTid);
        if (tid == null) {
            int candidate = (int) (globalTid & 0xFFFFFF);
            while (cpuTids.containsValue(candidate)) {
                candidate += 0x1000000;
            }
            tid = candidate;
            cpuTids.put(globalTid, tid);
        }
        return tid;
    }

    /** Writes the process and thread names and sort indexes. */
    void writeMetadata(JsonGenerator g) throws IOException {
        String run = trace.run().name();
        meta(g, "process_name", gpuPid, null, "name", "GPU " + trace.run().deviceId() + " · " + run);
        meta(g, "process_name", cpuPid, null, "name", "CPU · " + run);
        meta(g, "process_sort_index", gpuPid, null, "sort_index", 2 * index);
        meta(g, "process_sort_index", cpuPid, null, "sort_index", 2 * index + 1);
        if (trace.run().synthetic()) {
            meta(g, "process_labels", gpuPid, null, "labels", "synthetic, not measured");
            meta(g, "process_labels", cpuPid, null, "labels", "synthetic, not measured");
        }
        for (int stream : streams) {
            meta(g, "thread_name", gpuPid, stream, "name", "stream " + stream);
            meta(g, "thread_sort_index", gpuPid, stream, "sort_index", stream);
        }
        if (!trace.syncs().isEmpty()) {
            meta(g, "thread_name", gpuPid, SYNC_TID, "name", "synchronization");
            meta(g, "thread_sort_index", gpuPid, SYNC_TID, "sort_index", SYNC_TID);
        }
        int order = 0;
        for (Map.Entry<Long, Integer> e : cpuTids.entrySet()) {
            String name = trace.threadNames().getOrDefault(e.getKey(), "thread " + e.getValue());
            meta(g, "thread_name", cpuPid, e.getValue(), "name", name);
            meta(g, "thread_sort_index", cpuPid, e.getValue(), "sort_index", order++);
        }
    }

    private static void meta(JsonGenerator g, String name, int pid, Integer tid, String key, Object value)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        if (tid != null) {
            g.writeNumberField("tid", tid);
        }
        g.writeObjectFieldStart("args");
        if (value instanceof Integer i) {
            g.writeNumberField(key, i);
        } else {
            g.writeStringField(key, String.valueOf(value));
        }
        g.writeEndObject();
        g.writeEndObject();
    }
}

package org.fusescope.profiler.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.SyncEvent;

/** Writes one run's events as Chrome trace {@code X} slices and launch→kernel flows. */
final class EventWriter {
    private final JsonGenerator g;
    private final RunTrace trace;
    private final RunTracks tracks;
    private final long baseNs;

    EventWriter(JsonGenerator g, RunTrace trace, RunTracks tracks, long baseNs) {
        this.g = g;
        this.trace = trace;
        this.tracks = tracks;
        this.baseNs = baseNs;
    }

    void writeAll(long flowIdOffset) throws IOException {
        KernelArgs kernelArgs = new KernelArgs(g, trace.device().smCount());
        for (KernelEvent k : trace.kernels()) {
            begin("kernel", k.demangledName(), tracks.gpuPid, k.streamId(), k.startNs(), k.endNs());
            kernelArgs.write(k);
            g.writeEndObject();
        }
        for (MemcpyEvent m : trace.memcpys()) {
            String name = "Memcpy " + m.copyKind().name().replace("TO", "to") + " ("
                    + m.srcKind().label() + " -> " + m.dstKind().label() + ")";
            begin("gpu_memcpy", name, tracks.gpuPid, m.streamId(), m.startNs(), m.endNs());
            gpuArgs(m.deviceId(), m.contextId(), m.streamId(), m.correlationId(), m.bytes(), m.durationNs());
        }
        for (MemsetEvent m : trace.memsets()) {
            begin(
                    "gpu_memset",
                    "Memset (" + m.memKind().label() + ")",
                    tracks.gpuPid,
                    m.streamId(),
                    m.startNs(),
                    m.endNs());
            gpuArgs(m.deviceId(), m.contextId(), m.streamId(), m.correlationId(), m.bytes(), m.durationNs());
        }
        for (SyncEvent s : trace.syncs()) {
            begin("cuda_sync", s.syncType().label(), tracks.gpuPid, RunTracks.SYNC_TID, s.startNs(), s.endNs());
            g.writeObjectFieldStart("args");
            g.writeNumberField("device", s.deviceId());
            g.writeNumberField("context", s.contextId());
            g.writeNumberField("stream", s.streamId());
            g.writeNumberField("correlation", s.correlationId());
            g.writeNumberField("event", s.eventId());
            g.writeEndObject();
            g.writeEndObject();
        }
        for (ApiCall a : trace.apiCalls()) {
            String cat = a.kind() == ApiKind.DRIVER ? "cuda_driver" : "cuda_runtime";
            begin(cat, a.name(), tracks.cpuPid, tracks.cpuTid(a.globalTid()), a.startNs(), a.endNs());
            g.writeObjectFieldStart("args");
            g.writeNumberField("correlation", a.correlationId());
            g.writeNumberField("return value", a.returnValue());
            g.writeEndObject();
            g.writeEndObject();
        }
        for (RangeEvent r : trace.ranges()) {
            begin("user_annotation", r.text(), tracks.cpuPid, tracks.cpuTid(r.globalTid()), r.startNs(), r.endNs());
            if (r.level() != null) {
                g.writeObjectFieldStart("args");
                g.writeStringField("level", r.level().name().toLowerCase(Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        writeFlows(flowIdOffset);
    }

    /**
     * One flow per launch call, to the earliest kernel that carries its correlation id: in eager
     * mode that is its only kernel, for a graph launch the first kernel of the graph (a flow per
     * node would draw hundreds of arrows from one call). Flow id = correlation id + offset.
     */
    private void writeFlows(long flowIdOffset) throws IOException {
        Map<Long, KernelEvent> first = new HashMap<>();
        for (KernelEvent k : trace.kernels()) {
            first.putIfAbsent(k.correlationId(), k);
        }
        for (ApiCall a : trace.apiCalls()) {
            KernelEvent k = a.isLaunch() ? first.remove(a.correlationId()) : null;
            if (k == null) {
                continue;
            }
            long id = a.correlationId() + flowIdOffset;
            flow("s", id, tracks.cpuPid, tracks.cpuTid(a.globalTid()), a.startNs());
            flow("f", id, tracks.gpuPid, k.streamId(), k.startNs());
        }
    }

    private void flow(String phase, long id, int pid, int tid, long ns) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", phase);
        g.writeNumberField("id", id);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeFieldName("ts");
        g.writeNumber(Micros.of(ns - baseNs));
        g.writeStringField("cat", "ac2g");
        g.writeStringField("name", "ac2g");
        if ("f".equals(phase)) {
            g.writeStringField("bp", "e");
        }
        g.writeEndObject();
    }

    /** Opens an {@code X} event; the caller writes {@code args} and closes it. */
    private void begin(String cat, String name, int pid, int tid, long startNs, long endNs) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "X");
        g.writeStringField("cat", cat);
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeFieldName("ts");
        g.writeNumber(Micros.of(startNs - baseNs));
        g.writeFieldName("dur");
        g.writeNumber(Micros.of(endNs - startNs));
    }

    private void gpuArgs(int device, int context, int stream, long correlation, long bytes, long durationNs)
            throws IOException {
        g.writeObjectFieldStart("args");
        g.writeNumberField("device", device);
        g.writeNumberField("context", context);
        g.writeNumberField("stream", stream);
        g.writeNumberField("correlation", correlation);
        g.writeNumberField("bytes", bytes);
        g.writeNumberField("memory bandwidth (GB/s)", durationNs > 0 ? (double) bytes / durationNs : 0.0);
        g.writeEndObject();
        g.writeEndObject();
    }
}

package org.fusescope.profiler.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.RunTrace;

/**
 * Writes runs as Chrome trace JSON ({@code {"traceEvents":[...], "displayTimeUnit":"ns", ...}})
 * that Perfetto and {@code chrome://tracing} open.
 *
 * <ul>
 *   <li>Per run a GPU process {@code GPU <device> · <run name>} (a thread per stream, {@code stream
 *       7}, plus one for synchronizations) and a CPU process {@code CPU · <run name>} (a thread per
 *       CPU thread); process sort indexes keep runs in order, GPU above CPU. Synthetic runs carry
 *       the process label {@code synthetic, not measured}.
 *   <li>{@code X} slices: kernels ({@code cat} {@code kernel}, Kineto argument names plus {@code op},
 *       {@code fusion group}, {@code layer}, {@code step}, {@code bytes}, {@code flops}), copies
 *       ({@code gpu_memcpy}), sets ({@code gpu_memset}), synchronizations ({@code cuda_sync}), API
 *       calls ({@code cuda_driver} / {@code cuda_runtime}) and range markers ({@code
 *       user_annotation}) on their CPU thread.
 *   <li>Flows {@code s}→{@code f} ({@code cat} {@code ac2g}, {@code "bp":"e"}) from each launch call
 *       to the earliest kernel with its correlation id: one per kernel in eager mode, one per graph
 *       launch (to the graph's first kernel) in graph mode. The flow id is the correlation id; only
 *       when two runs reuse correlation ids (separate processes) are run {@code i}'s ids shifted by
 *       {@code i · (largest id + 1)} to stay unique in the file.
 *   <li>{@code ts} and {@code dur} in µs as exact decimals ({@code ts = (ns − base) / 1000}), where
 *       base is the earliest event of all runs (given in {@code otherData}).
 * </ul>
 *
 * <p>Streams: memory beyond the output is a map of launches to kernels per run. Stateless and
 * thread-safe.
 */
public final class ChromeTraceExporter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private ChromeTraceExporter() {}

    /**
     * Writes {@code runs} to {@code out} as UTF-8 JSON, flushes, and leaves {@code out} open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(List<RunTrace> runs, OutputStream out) throws IOException {
        long baseNs = TimeBase.earliestNs(runs);
        long[] flowOffsets = TimeBase.flowIdOffsets(runs);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
            for (int i = 0; i < runs.size(); i++) {
                RunTrace trace = runs.get(i);
                RunTracks tracks = new RunTracks(trace, i);
                tracks.writeMetadata(g);
                new EventWriter(g, trace, tracks, baseNs).writeAll(flowOffsets[i]);
            }
            g.writeEndArray();
            g.writeStringField("displayTimeUnit", "ns");
            writeDevices(g, runs);
            g.writeObjectFieldStart("otherData");
            g.writeStringField("generator", "FuseScope");
            g.writeNumberField("time base (ns)", baseNs);
            g.writeArrayFieldStart("runs");
            for (RunTrace trace : runs) {
                g.writeStartObject();
                g.writeNumberField("id", trace.run().id());
                g.writeStringField("name", trace.run().name());
                g.writeStringField("variant", trace.run().variant());
                g.writeStringField("mode", trace.run().mode());
                g.writeNumberField("batch", trace.run().batch());
                g.writeStringField("host", trace.run().host());
                g.writeBooleanField("synthetic", trace.run().synthetic());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        out.flush();
    }

    /** Kineto's {@code deviceProperties}, once per device id. */
    private static void writeDevices(JsonGenerator g, List<RunTrace> runs) throws IOException {
        g.writeArrayFieldStart("deviceProperties");
        Set<Integer> seen = new HashSet<>();
        for (RunTrace trace : runs) {
            DeviceInfo d = trace.device();
            if (d == null || !seen.add(d.id())) {
                continue;
            }
            g.writeStartObject();
            g.writeNumberField("id", d.id());
            g.writeStringField("name", d.name());
            g.writeNumberField("totalGlobalMem", d.totalMemoryBytes());
            g.writeNumberField("computeMajor", d.computeMajor());
            g.writeNumberField("computeMinor", d.computeMinor());
            g.writeNumberField("numSms", d.smCount());
            g.writeNumberField("memoryBandwidthBytesPerSec", d.referenceBandwidthBytesPerSec());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

package org.fusescope.profiler.export;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;

/**
 * A kernel's {@code args}: the PyTorch-profiler (Kineto) keys first, so HTA and TraceLens parse
 * them, then FuseScope's attribution. {@code queued} is 0, as Kineto writes it when CUPTI did not
 * record a queued timestamp (we do not).
 */
final class KernelArgs {
    private final JsonGenerator g;
    private final int smCount;

    KernelArgs(JsonGenerator g, int smCount) {
        this.g = g;
        this.smCount = smCount;
    }

    void write(KernelEvent k) throws IOException {
        g.writeObjectFieldStart("args");
        g.writeNumberField("queued", 0);
        g.writeNumberField("device", k.deviceId());
        g.writeNumberField("context", k.contextId());
        g.writeNumberField("stream", k.streamId());
        g.writeNumberField("correlation", k.correlationId());
        g.writeNumberField("registers per thread", k.registersPerThread());
        g.writeNumberField("shared memory", (long) k.staticSharedMemory() + k.dynamicSharedMemory());
        if (smCount > 0 && k.grid() != null && k.block() != null) {
            double blocks = k.grid().volume();
            g.writeNumberField("blocks per SM", blocks / smCount);
            g.writeNumberField("warps per SM", blocks * Math.ceil(k.block().volume() / 32.0) / smCount);
        }
        dim("grid", k.grid());
        dim("block", k.block());
        if (k.graphNodeId() != 0) {
            g.writeNumberField("graph node id", k.graphNodeId());
        }
        KernelAttribution a = k.attribution();
        if (a != null) {
            g.writeStringField("op", a.op());
            g.writeStringField("fusion group", a.fusionGroup());
            g.writeBooleanField("fused", a.fused());
            g.writeNumberField("layer", a.layer());
            g.writeNumberField("step", a.step());
            g.writeNumberField("bytes", a.bytes());
            g.writeNumberField("bytes read", a.bytesRead());
            g.writeNumberField("bytes written", a.bytesWritten());
            g.writeNumberField("flops", a.flops());
        }
        g.writeEndObject();
    }

    private void dim(String key, Dim3 d) throws IOException {
        if (d == null) {
            return;
        }
        g.writeArrayFieldStart(key);
        g.writeNumber(d.x());
        g.writeNumber(d.y());
        g.writeNumber(d.z());
        g.writeEndArray();
    }
}

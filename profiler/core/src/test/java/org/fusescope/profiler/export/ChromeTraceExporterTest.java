package org.fusescope.profiler.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.synthetic.SyntheticRecording;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.junit.jupiter.api.Test;

class ChromeTraceExporterTest {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<RunTrace> RUNS = SyntheticRecording.generate(
            SyntheticSpec.tiny(4, "unfused", "eager"),
            List.of(4),
            List.of("unfused", "fused"),
            List.of("eager", "graph"));

    static JsonNode export(List<RunTrace> runs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChromeTraceExporter.write(runs, out);
        return JSON.readTree(out.toByteArray());
    }

    static List<JsonNode> events(JsonNode root, String phase) {
        return StreamSupport.stream(root.get("traceEvents").spliterator(), false)
                .filter(e -> e.get("ph").asText().equals(phase))
                .toList();
    }

    static long ns(JsonNode micros) {
        return micros.decimalValue().multiply(BigDecimal.valueOf(1000)).longValueExact();
    }

    @Test
    void everyKernelAppearsOnceWithItsTimesInMicroseconds() throws IOException {
        JsonNode root = export(RUNS);
        long base = RUNS.get(0).run().startNs();
        Map<String, Integer> expected = new HashMap<>();
        for (RunTrace t : RUNS) {
            for (KernelEvent k : t.kernels()) {
                expected.merge(key(k.name(), k.startNs() - base, k.durationNs(), k.correlationId()), 1, Integer::sum);
            }
        }
        Map<String, Integer> actual = new HashMap<>();
        for (JsonNode e : events(root, "X")) {
            if (e.get("cat").asText().equals("kernel")) {
                long corr = e.get("args").get("correlation").asLong();
                actual.merge(key(e.get("name").asText(), ns(e.get("ts")), ns(e.get("dur")), corr), 1, Integer::sum);
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.values()).containsOnly(1);
        assertThat(root.get("displayTimeUnit").asText()).isEqualTo("ns");
        assertThat(events(root, "X"))
                .extracting(e -> ns(e.get("ts")))
                .contains(0L)
                .allMatch(ts -> ts >= 0);
    }

    @Test
    void kernelArgsCarryTheKinetoKeysAndOurAttribution() throws IOException {
        JsonNode kernel = events(export(RUNS.subList(0, 1)), "X").stream()
                .filter(e -> e.get("cat").asText().equals("kernel"))
                .findFirst()
                .orElseThrow();
        JsonNode args = kernel.get("args");
        for (String key : List.of(
                "queued",
                "device",
                "context",
                "stream",
                "correlation",
                "registers per thread",
                "shared memory",
                "grid",
                "block",
                "op",
                "fusion group",
                "layer",
                "step",
                "bytes",
                "flops")) {
            assertThat(args.has(key)).as(key).isTrue();
        }
        assertThat(args.get("grid").size()).isEqualTo(3);
        assertThat(args.get("block").get(0).asInt()).isPositive();
        assertThat(args.get("op").asText()).isEqualTo("residual_add");
        assertThat(args.get("fusion group").asText()).isEqualTo("add_rmsnorm");
        assertThat(kernel.get("tid").asInt()).isEqualTo(7);
    }

    @Test
    void everyFlowStartHasAFinishAtAKernelStart() throws IOException {
        JsonNode root = export(RUNS);
        Map<String, JsonNode> kernelStarts = new HashMap<>();
        for (JsonNode e : events(root, "X")) {
            if (e.get("cat").asText().equals("kernel")) {
                kernelStarts.put(e.get("pid") + "/" + e.get("tid") + "@" + ns(e.get("ts")), e);
            }
        }
        Map<Long, JsonNode> finishes = new HashMap<>();
        for (JsonNode f : events(root, "f")) {
            assertThat(finishes.put(f.get("id").asLong(), f))
                    .as("duplicate flow id")
                    .isNull();
            assertThat(f.get("bp").asText()).isEqualTo("e");
            assertThat(kernelStarts).containsKey(f.get("pid") + "/" + f.get("tid") + "@" + ns(f.get("ts")));
        }
        List<JsonNode> starts = events(root, "s");
        assertThat(starts).hasSameSizeAs(finishes.values());
        for (JsonNode s : starts) {
            assertThat(s.get("cat").asText()).isEqualTo("ac2g");
            assertThat(finishes).containsKey(s.get("id").asLong());
            assertThat(ns(s.get("ts")))
                    .isLessThan(ns(finishes.get(s.get("id").asLong()).get("ts")));
        }
        int eagerKernels = RUNS.get(0).kernels().size() + RUNS.get(1).kernels().size();
        int graphSteps = 2 * 2;
        assertThat(starts).hasSize(eagerKernels + graphSteps);
    }

    @Test
    void processesAndThreadsAreNamedAndSorted() throws IOException {
        List<JsonNode> meta = events(export(RUNS), "M");
        List<String> processes = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        for (JsonNode m : meta) {
            if (m.get("name").asText().equals("process_name")) {
                processes.add(m.get("args").get("name").asText());
            } else if (m.get("name").asText().equals("thread_name")) {
                threads.add(m.get("args").get("name").asText());
            }
        }
        assertThat(processes)
                .contains("GPU 0 · unfused b=4 eager", "CPU · unfused b=4 eager", "GPU 0 · fused b=4 graph")
                .hasSize(8);
        assertThat(threads).contains("stream 7", "decode main (synthetic)", "synchronization");
        assertThat(meta)
                .filteredOn(m -> m.get("name").asText().equals("process_sort_index"))
                .hasSize(8);
        assertThat(meta)
                .filteredOn(m -> m.get("name").asText().equals("process_labels"))
                .hasSize(8);
    }

    private static String key(String name, long ts, long dur, long corr) {
        return name + "@" + ts + "+" + dur + "#" + corr;
    }
}

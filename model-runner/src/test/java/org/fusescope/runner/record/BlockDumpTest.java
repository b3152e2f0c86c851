package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.model.CheckpointException;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.SafetensorsFile;
import org.fusescope.runner.model.TensorInfo;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fusescope run --dump DIR}: each run's layer-0 block tensors as safetensors files and an
 * index, written through the labelled fake device and read back with {@link SafetensorsFile}.
 */
class BlockDumpTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");

    @TempDir
    Path dir;

    @Test
    void everyRunsTensorsReadBackWithTheirValuesShapesAndDtypes() throws Exception {
        Path dump = dir.resolve("dump");
        List<FakeStepDevice> opened = new ArrayList<>();
        List<RunRequest> runs = List.of(run("unfused", 3, true), run("fused", 3, false), run("fused", 5, true));
        new RunRecording(runs, null, Progress.NONE, dump).record(dir.resolve("run.sqlite"), sink -> {
            FakeStepDevice d = new FakeStepDevice(sink);
            opened.add(d);
            return d;
        });
        FakeStepDevice device = opened.get(0);
        assertThat(device.layerRuns).hasSize(3);
        try (TraceReader reader = TraceReader.open(dir.resolve("run.sqlite"))) {
            assertThat(reader.runs()).hasSize(3);
        }

        JsonNode index = new ObjectMapper().readTree(Files.readString(dump.resolve("index.json")));
        assertThat(index.get("layer").asInt()).isZero();
        assertThat(index.get("runs")).hasSize(3);
        for (int i = 0; i < runs.size(); i++) {
            RunRequest request = runs.get(i);
            StepSpec asked = (StepSpec) device.layerRuns.get(i)[0];
            BlockOutputs o = (BlockOutputs) device.layerRuns.get(i)[1];
            assertThat(asked.layers()).as("layer 0's block alone").isEqualTo(1);
            assertThat(asked.switches()).isEqualTo(request.spec().switches());
            JsonNode run = index.get("runs").get(i);
            assertThat(run.get("run").asText()).isEqualTo(request.name());
            assertThat(run.get("batch").asInt()).isEqualTo(request.spec().batch());
            assertThat(run.get("variant").asText()).isEqualTo(request.variant());
            assertThat(run.get("mode").asText()).isEqualTo(request.mode());
            String name = "run-" + (i + 1) + ".safetensors";
            assertThat(run.get("file").asText()).isEqualTo(name);

            SafetensorsFile f = SafetensorsFile.open(dump.resolve(name));
            long m = request.spec().batch();
            long h = TINY.hidden();
            long e = TINY.experts();
            long k = TINY.topK();
            boolean shared = request.variant().equals("fused");
            assertThat(f.readBf16("hidden_in", m, h))
                    .containsExactly(request.spec().initialHidden());
            assertThat(f.readBf16("residual_in", m, h))
                    .containsExactly(request.spec().initialResidual());
            assertThat(f.readBf16("y", m, h)).containsExactly(o.y());
            assertThat(f.readF32("router_logits", m, e)).containsExactly(o.logits());
            assertThat(f.readI32("topk_ids", m, k)).containsExactly(o.ids());
            assertThat(f.readF32("topk_weights", m, k)).containsExactly(o.weights());
            assertThat(f.readF32("shared_gate", m)).containsExactly(o.gate());
            assertThat(f.readI32("expert_counts", o.counts().length)).containsExactly(o.counts());
            assertThat(f.readBf16("hidden_out", m, h)).containsExactly(o.hidden());
            assertThat(f.readBf16("residual_out", m, h)).containsExactly(o.residual());
            if (shared) {
                assertThat(f.readI32("shared_ids", m)).containsExactly(o.sharedIds());
                assertThat(f.readF32("shared_weights", m)).containsExactly(o.sharedWeights());
            } else {
                assertThat(f.names()).doesNotContain("shared_ids", "shared_weights");
            }
            assertThat(f.names())
                    .containsExactlyElementsOf(BlockDump.TENSORS.keySet().stream()
                            .filter(t -> shared || !t.startsWith("shared_") || t.equals("shared_gate"))
                            .toList());
            for (String t : f.names()) {
                TensorInfo info = f.info(t);
                JsonNode entry = run.get("tensors").get(t);
                assertThat(entry.get("file").asText()).isEqualTo(name);
                assertThat(entry.get("dtype").asText()).as(t).isEqualTo(info.dtype());
                List<Long> shape = new ArrayList<>();
                entry.get("shape").forEach(d -> shape.add(d.asLong()));
                assertThat(shape)
                        .as(t)
                        .containsExactly(
                                java.util.Arrays.stream(info.shape()).boxed().toArray(Long[]::new));
            }
            assertThat(f.info("topk_ids").dtype()).isEqualTo("I32");
            assertThat(f.info("router_logits").dtype()).isEqualTo("F32");
            assertThat(f.info("hidden_out").dtype()).isEqualTo("BF16");
            assertThatThrownBy(() -> f.readF32("topk_ids", m, k))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("dtype I32, expected F32");
        }
    }

    @Test
    void withoutDumpNothingRunsTheBlockAlone() {
        List<FakeStepDevice> opened = new ArrayList<>();
        new RunRecording(List.of(run("fused", 2, true)), null, Progress.NONE).record(dir.resolve("r.sqlite"), sink -> {
            FakeStepDevice d = new FakeStepDevice(sink);
            opened.add(d);
            return d;
        });
        assertThat(opened.get(0).layerRuns).isEmpty();
    }

    private static RunRequest run(String variant, int batch, boolean graph) {
        StepSpec spec = new StepSpec(TINY, Fusion.parseVariant(variant), batch, 2, RoutingScenario.parse("router"), 7);
        return new RunRequest(spec, variant, graph, 1, 2);
    }
}

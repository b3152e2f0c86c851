package org.fusescope.runner.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fusescope.runner.model.TensorFileWriter;
import org.fusescope.runner.step.StepSpec;

/**
 * {@code fusescope run --dump DIR}: for each run, layer 0's MoE block in the run's variant, run once
 * from the step's initial inputs (the inputs of the run's first step) with tracing paused, before the
 * run is prepared ({@link StepDevice#runLayerOnce}), written as one safetensors file per run ({@code
 * run-N.safetensors}, N counting from 1 in the recording's order) with an {@code index.json} beside it
 * (rewritten after each run: run name, batch, variant, mode, and per tensor its file, dtype and
 * shape). The tensors ({@link #TENSORS}): the block's inputs, its normed input, the router logits, the
 * routed ids and weights, the shared expert's gate logit (and, when the variant runs the shared expert
 * as expert E, its slot), the expert counts of the align tables, and the outputs. Not thread-safe.
 */
public final class BlockDump {
    /** What each tensor is, in file order; {@code shared_ids}/{@code shared_weights} only when present. */
    public static final Map<String, String> TENSORS = orderedTensors();

    private final Path dir;
    private final ObjectNode index = new ObjectMapper().createObjectNode();
    private final ArrayNode runs;

    /** Creates {@code dir} (and its parents) when missing. */
    public BlockDump(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dump directory " + dir, e);
        }
        index.put("layer", 0);
        index.put(
                "source",
                "layer 0's MoE block in the run's variant, run once from the step's initial inputs with"
                        + " tracing paused, before the run");
        ObjectNode names = index.putObject("tensors");
        TENSORS.forEach(names::put);
        runs = index.putArray("runs");
    }

    /** The directory the dump is written to. */
    public Path dir() {
        return dir;
    }

    /** Writes {@code request}'s layer-0 block results {@code o} and rewrites the index. */
    public void write(RunRequest request, BlockOutputs o) {
        StepSpec spec = request.spec();
        long m = spec.batch();
        long h = spec.config().hidden();
        long e = spec.config().experts();
        long k = spec.config().topK();
        TensorFileWriter file = new TensorFileWriter()
                .bf16("hidden_in", new long[] {m, h}, spec.initialHidden())
                .bf16("residual_in", new long[] {m, h}, spec.initialResidual())
                .bf16("y", new long[] {m, h}, o.y())
                .f32("router_logits", new long[] {m, e}, o.logits())
                .i32("topk_ids", new long[] {m, k}, o.ids())
                .f32("topk_weights", new long[] {m, k}, o.weights())
                .f32("shared_gate", new long[] {m}, o.gate());
        if (o.sharedIds() != null) {
            file.i32("shared_ids", new long[] {m}, o.sharedIds())
                    .f32("shared_weights", new long[] {m}, o.sharedWeights());
        }
        file.i32("expert_counts", new long[] {o.counts().length}, o.counts())
                .bf16("hidden_out", new long[] {m, h}, o.hidden())
                .bf16("residual_out", new long[] {m, h}, o.residual());
        String name = "run-" + (runs.size() + 1) + ".safetensors";
        ObjectNode run = runs.addObject()
                .put("run", request.name())
                .put("batch", spec.batch())
                .put("variant", request.variant())
                .put("mode", request.mode())
                .put("file", name);
        ObjectNode tensors = run.putObject("tensors");
        file.entries().forEach((tensor, entry) -> tensors.set(tensor, entry.put("file", name)));
        try {
            file.write(dir.resolve(name));
            Files.writeString(dir.resolve("index.json"), index.toPrettyString());
        } catch (IOException x) {
            throw new UncheckedIOException("cannot write the dump of " + request.name() + " to " + dir, x);
        }
    }

    private static Map<String, String> orderedTensors() {
        Map<String, String> t = new java.util.LinkedHashMap<>();
        t.put("hidden_in", "BF16 [M, H]: the block's input hidden state");
        t.put("residual_in", "BF16 [M, H]: the residual entering the block");
        t.put("y", "BF16 [M, H]: the normed input of the router and the experts");
        t.put("router_logits", "F32 [M, E]: the router logits");
        t.put("topk_ids", "I32 [M, K]: the routed experts, largest weight first");
        t.put("topk_weights", "F32 [M, K]: their routing weights");
        t.put("shared_gate", "F32 [M]: the shared expert's gate logit");
        t.put("shared_ids", "I32 [M]: the shared slot's expert id (E), when the shared expert runs as expert E");
        t.put("shared_weights", "F32 [M]: the shared slot's weight sigmoid(gate), when it runs as expert E");
        t.put("expert_counts", "I32 [E] or [E+1]: tokens per expert in the align tables");
        t.put("hidden_out", "BF16 [M, H]: the block's output");
        t.put("residual_out", "BF16 [M, H]: the residual after the block's add");
        return java.util.Collections.unmodifiableMap(t);
    }
}

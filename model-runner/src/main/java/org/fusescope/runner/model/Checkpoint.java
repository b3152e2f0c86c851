package org.fusescope.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A HuggingFace checkpoint directory: {@code model.safetensors.index.json} (its {@code weight_map}
 * names each tensor's shard) or a single {@code model.safetensors}. Shards are opened on first use and
 * kept. Thread-safe.
 */
public final class Checkpoint {
    static final String INDEX = "model.safetensors.index.json";
    static final String SINGLE = "model.safetensors";

    private final Path dir;
    private final Path source;
    private final Map<String, String> weightMap;
    private final Map<String, SafetensorsFile> shards = new ConcurrentHashMap<>();

    private Checkpoint(Path dir, Path source, Map<String, String> weightMap) {
        this.dir = dir;
        this.source = source;
        this.weightMap = weightMap;
    }

    /**
     * Opens a checkpoint directory and checks that the index's shards exist.
     *
     * @throws CheckpointException naming the directory or index file when neither file is there, the
     *     index is malformed, or it names a missing or outside shard
     */
    public static Checkpoint open(Path dir) {
        Path index = dir.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            return new Checkpoint(dir, index, readIndex(dir, index));
        }
        Path single = dir.resolve(SINGLE);
        if (Files.isRegularFile(single)) {
            return new Checkpoint(dir, single, null);
        }
        throw new CheckpointException(dir, "no " + INDEX + " or " + SINGLE + " in the directory");
    }

    private static Map<String, String> readIndex(Path dir, Path index) {
        JsonNode map;
        try {
            map = ConfigJson.MAPPER.readTree(index.toFile()).path("weight_map");
        } catch (IOException e) {
            throw new CheckpointException(index, "bad index JSON: " + e.getMessage(), e);
        }
        if (!map.isObject()) {
            throw new CheckpointException(index, "no weight_map object");
        }
        Map<String, String> weightMap = new ConcurrentHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String shard = e.getValue().asText("");
            Path file = dir.toAbsolutePath().resolve(shard).normalize();
            boolean inside = dir.toAbsolutePath().normalize().equals(file.getParent());
            if (!e.getValue().isTextual() || !inside || !Files.isRegularFile(file)) {
                throw new CheckpointException(
                        index, e.getKey(), "shard '" + e.getValue().asText() + "' missing");
            }
            weightMap.put(e.getKey(), shard);
        }
        return weightMap;
    }

    /**
     * Opens every shard and checks its header (dtypes, shapes, offsets), so that a bad file is named
     * before anything else happens, e.g. before the GPU is looked for (issue 17, failure 15).
     *
     * @throws CheckpointException naming the file (and tensor) of the first bad header
     */
    public void checkHeaders() {
        Set<String> files = weightMap == null ? Set.of(SINGLE) : new TreeSet<>(weightMap.values());
        for (String shard : files) {
            shards.computeIfAbsent(shard, s -> SafetensorsFile.open(dir.resolve(s)));
        }
    }

    /** The checkpoint directory. */
    public Path dir() {
        return dir;
    }

    /**
     * Reads tensor {@code name} of shape {@code shape} as bf16 bits into {@code dest} from {@code offset}.
     *
     * @throws CheckpointException naming the file and tensor when it is missing or does not match
     */
    public void read(String name, long[] shape, short[] dest, int offset) {
        String shard = weightMap == null ? SINGLE : weightMap.get(name);
        if (shard == null) {
            throw new CheckpointException(source, name, "not in the weight_map");
        }
        shards.computeIfAbsent(shard, s -> SafetensorsFile.open(dir.resolve(s))).readBf16(name, shape, dest, offset);
    }

    /**
     * Reads layer {@code layer}'s MoE block, only its tensors, with HuggingFace's names ({@code
     * model.layers.L.mlp.gate.weight}, {@code ...mlp.experts.e.gate_proj|up_proj|down_proj.weight},
     * {@code ...mlp.shared_expert.*}, {@code ...mlp.shared_expert_gate.weight}, {@code
     * ...post_attention_layernorm.weight}). Experts are read in parallel.
     *
     * @throws CheckpointException naming the file and tensor for a missing or mismatched tensor
     */
    public MoeWeights moeWeights(ModelConfig config, int layer) {
        config.checkLayer(layer, null);
        int h = config.hidden();
        int e = config.experts();
        int i = config.inter();
        int si = config.sharedInter();
        String p = "model.layers." + layer + ".";
        String mlp = p + "mlp.";
        short[] w13 = new short[Math.multiplyExact(Math.multiplyExact(e, 2 * i), h)];
        short[] w2 = new short[w13.length / 2];
        IntStream.range(0, e).parallel().forEach(x -> {
            String expert = mlp + "experts." + x + ".";
            int at = Math.toIntExact((long) x * 2 * i * h);
            read(expert + "gate_proj.weight", new long[] {i, h}, w13, at);
            read(expert + "up_proj.weight", new long[] {i, h}, w13, at + i * h);
            read(expert + "down_proj.weight", new long[] {h, i}, w2, at / 2);
        });
        short[] sharedW13 = new short[2 * si * h];
        read(mlp + "shared_expert.gate_proj.weight", new long[] {si, h}, sharedW13, 0);
        read(mlp + "shared_expert.up_proj.weight", new long[] {si, h}, sharedW13, si * h);
        short[] sharedW2 = new short[h * si];
        read(mlp + "shared_expert.down_proj.weight", new long[] {h, si}, sharedW2, 0);
        short[] router = new short[e * h];
        read(mlp + "gate.weight", new long[] {e, h}, router, 0);
        short[] gate = new short[h];
        read(mlp + "shared_expert_gate.weight", new long[] {1, h}, gate, 0);
        short[] norm = new short[h];
        read(p + "post_attention_layernorm.weight", new long[] {h}, norm, 0);
        return new MoeWeights(config, layer, router, w13, w2, sharedW13, sharedW2, gate, norm);
    }

    /**
     * Reads layer {@code layer}'s mixer, only its tensors, with HuggingFace's names: {@code
     * model.layers.L.input_layernorm.weight} and {@code ...linear_attn.in_proj_qkvz|in_proj_ba|conv1d|
     * out_proj|norm.weight}, {@code ...linear_attn.dt_bias|A_log} for a gated-delta-net layer, or {@code
     * ...self_attn.q_proj|k_proj|v_proj|o_proj|q_norm|k_norm.weight} for a full attention layer. The
     * projections are regrouped into the kernels' layout ({@link ProjectionLayouts}).
     *
     * @throws CheckpointException naming the file and tensor for a missing or mismatched tensor
     * @throws IllegalArgumentException for a layer outside the model
     */
    public MixerWeights mixerWeights(ModelConfig config, int layer) {
        return MixerTensors.read(this, config, layer);
    }
}

package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusescope.kernels.cuda.Bf16;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final int LAYER = 1;

    @TempDir
    Path dir;

    /** Writes {@code w} as layer {@link #LAYER} of a checkpoint of two shards (plus a tensor of layer 0). */
    static Map<String, SafetensorsWriter> shards(MoeWeights w, int skipExpert) {
        int h = TINY.hidden();
        int i = TINY.inter();
        String p = "model.layers." + LAYER + ".";
        SafetensorsWriter a = new SafetensorsWriter();
        SafetensorsWriter b = new SafetensorsWriter();
        a.bf16("model.layers.0.mlp.gate.weight", new long[] {1}, new short[] {7});
        a.bf16(p + "mlp.gate.weight", new long[] {TINY.experts(), h}, w.router());
        for (int e = 0; e < TINY.experts(); e++) {
            if (e == skipExpert) {
                continue;
            }
            SafetensorsWriter s = e % 2 == 0 ? a : b;
            String x = p + "mlp.experts." + e + ".";
            int at = e * 2 * i * h;
            s.bf16(x + "gate_proj.weight", new long[] {i, h}, Arrays.copyOfRange(w.w13(), at, at + i * h));
            s.bf16(x + "up_proj.weight", new long[] {i, h}, Arrays.copyOfRange(w.w13(), at + i * h, at + 2 * i * h));
            s.bf16(x + "down_proj.weight", new long[] {h, i}, Arrays.copyOfRange(w.w2(), e * h * i, (e + 1) * h * i));
        }
        int si = TINY.sharedInter();
        b.bf16(p + "mlp.shared_expert.gate_proj.weight", new long[] {si, h}, Arrays.copyOf(w.sharedW13(), si * h));
        b.bf16(
                p + "mlp.shared_expert.up_proj.weight",
                new long[] {si, h},
                Arrays.copyOfRange(w.sharedW13(), si * h, 2 * si * h));
        b.bf16(p + "mlp.shared_expert.down_proj.weight", new long[] {h, si}, w.sharedW2());
        b.bf16(p + "mlp.shared_expert_gate.weight", new long[] {1, h}, w.sharedGate());
        b.f32(p + "post_attention_layernorm.weight", new long[] {h}, Bf16.toFloats(w.norm()));
        Map<String, SafetensorsWriter> shards = new LinkedHashMap<>();
        shards.put("model-00001-of-00002.safetensors", a);
        shards.put("model-00002-of-00002.safetensors", b);
        return shards;
    }

    @Test
    void shardedCheckpointLoadsBitExactly() throws IOException {
        MoeWeights w = SyntheticWeights.generate(TINY, LAYER, 42);
        SafetensorsWriter.writeIndex(dir, shards(w, -1));
        MoeWeights read = Checkpoint.open(dir).moeWeights(TINY, LAYER);
        assertThat(read.router()).isEqualTo(w.router());
        assertThat(read.w13()).isEqualTo(w.w13());
        assertThat(read.w2()).isEqualTo(w.w2());
        assertThat(read.sharedW13()).isEqualTo(w.sharedW13());
        assertThat(read.sharedW2()).isEqualTo(w.sharedW2());
        assertThat(read.sharedGate()).isEqualTo(w.sharedGate());
        assertThat(read.norm()).isEqualTo(w.norm()); // F32 of bf16 values converts back exactly
    }

    @Test
    void singleFileCheckpoint() throws IOException {
        new SafetensorsWriter()
                .f32("x", new long[] {2, 2}, new float[] {1f, -2.5f, 1.00390625f, 3e38f})
                .write(dir.resolve(Checkpoint.SINGLE));
        short[] out = new short[5];
        Checkpoint.open(dir).read("x", new long[] {2, 2}, out, 1);
        assertThat(Bf16.toFloats(out)).containsExactly(0f, 1f, -2.5f, 1f, Bf16.round(3e38f));
    }

    @Test
    void missingExpertNamesShardIndexAndTensor() throws IOException {
        SafetensorsWriter.writeIndex(dir, shards(SyntheticWeights.generate(TINY, LAYER, 1), 5));
        assertThatThrownBy(() -> Checkpoint.open(dir).moeWeights(TINY, LAYER))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(Checkpoint.INDEX)
                .hasMessageContaining("model.layers.1.mlp.experts.5.");
    }

    @Test
    void wrongShapeNamesFileAndTensor() throws IOException {
        ModelConfig wider = ModelConfig.fromJson(
                TINY.toJson().replace("\"moe_intermediate_size\":64", "\"moe_intermediate_size\":32"));
        SafetensorsWriter.writeIndex(dir, shards(SyntheticWeights.generate(TINY, LAYER, 1), -1));
        assertThatThrownBy(() -> Checkpoint.open(dir).moeWeights(wider, LAYER))
                .hasMessageContaining("model-0000")
                .hasMessageContaining(".gate_proj.weight: shape [64, 256], expected [32, 256]");
    }

    @Test
    void damagedFilesNameTheFile() throws IOException {
        byte[] good = new SafetensorsWriter()
                .bf16("t", new long[] {4}, new short[] {1, 2, 3, 4})
                .bytes();
        Path truncated = Files.write(dir.resolve("truncated.safetensors"), Arrays.copyOf(good, good.length - 2));
        assertThatThrownBy(() -> SafetensorsFile.open(truncated))
                .hasMessageContaining(truncated.toString())
                .hasMessageContaining("tensor t: data_offsets [0,8] outside the file");
        byte[] longHeader = good.clone();
        longHeader[3] = 1;
        Path beyond = Files.write(dir.resolve("beyond.safetensors"), longHeader);
        assertThatThrownBy(() -> SafetensorsFile.open(beyond))
                .hasMessageContaining(beyond.toString())
                .hasMessageContaining("beyond the file");
        byte[] badJson = good.clone();
        badJson[8] = '[';
        Path json = Files.write(dir.resolve("json.safetensors"), badJson);
        assertThatThrownBy(() -> SafetensorsFile.open(json)).hasMessageContaining("bad header JSON");
        Path tiny = Files.write(dir.resolve("tiny.safetensors"), new byte[3]);
        assertThatThrownBy(() -> SafetensorsFile.open(tiny)).hasMessageContaining("truncated");
    }

    @Test
    void wrongDtypeMissingTensorAndBadOffsets() throws IOException {
        Path file = new SafetensorsWriter()
                .raw("h", "F16", new long[] {2}, new byte[4])
                .raw("odd", "BF16", new long[] {3}, new byte[4])
                .write(dir.resolve("x.safetensors"));
        assertThatThrownBy(() -> SafetensorsFile.open(file)).hasMessageContaining("tensor odd: data_offsets");
        SafetensorsFile f = SafetensorsFile.open(new SafetensorsWriter()
                .raw("h", "F16", new long[] {2}, new byte[4])
                .write(file));
        assertThat(f.names()).containsExactly("h");
        assertThatThrownBy(() -> f.readBf16("h", 2)).hasMessageContaining("tensor h: dtype F16, expected BF16 or F32");
        assertThatThrownBy(() -> f.readBf16("g", 2)).hasMessageContaining("tensor g: not in the file");
    }

    @Test
    void missingCheckpointAndShard() throws IOException {
        assertThatThrownBy(() -> Checkpoint.open(dir)).hasMessageContaining("no " + Checkpoint.INDEX);
        Files.writeString(dir.resolve(Checkpoint.INDEX), "{\"weight_map\": {\"a\": \"gone.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoint.open(dir))
                .hasMessageContaining("tensor a: shard 'gone.safetensors' missing");
        Files.writeString(dir.resolve(Checkpoint.INDEX), "{\"weight_map\": {\"a\": \"../x.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoint.open(dir)).hasMessageContaining("missing");
    }
}

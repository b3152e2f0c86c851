package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mixer tensors of a tiny checkpoint in HuggingFace's names and layouts, read back into ours. */
class MixerCheckpointTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final long SEED = 11;

    @TempDir
    Path dir;

    /** Layer {@code layer}'s synthetic mixer as HuggingFace stores it, less the tensors in {@code skip}. */
    static void writeMixer(SafetensorsWriter out, int layer, Set<String> skip) {
        int h = TINY.hidden();
        String p = "model.layers." + layer + ".";
        Map<String, Object[]> t = new LinkedHashMap<>();
        MixerWeights mixer = SyntheticWeights.mixer(TINY, layer, SEED);
        t.put(p + "input_layernorm.weight", new Object[] {new long[] {h}, mixer.inputNorm()});
        if (mixer instanceof LinearAttentionWeights w) {
            LinearAttentionDims c = TINY.linear();
            String a = p + "linear_attn.";
            long valueRows = (long) c.valueHeads() * c.valueDim();
            long qkvzRows = 2L * c.keyHeads() * c.keyDim() + 2 * valueRows;
            t.put(a + "in_proj_qkvz.weight", new Object[] {new long[] {qkvzRows, h}, HfLayouts.inProjQkvz(w.inProj(), c)
            });
            t.put(
                    a + "in_proj_ba.weight",
                    new Object[] {new long[] {2L * c.valueHeads(), h}, HfLayouts.inProjBa(w.inProj(), c)});
            t.put(a + "conv1d.weight", new Object[] {new long[] {c.convDim(), 1, c.convKernel()}, w.conv()});
            t.put(a + "dt_bias", new Object[] {new long[] {c.valueHeads()}, w.dtBias()});
            t.put(a + "A_log", new Object[] {new long[] {c.valueHeads()}, Bf16.toFloats(w.aLog())});
            t.put(a + "norm.weight", new Object[] {new long[] {c.valueDim()}, w.norm()});
            t.put(a + "out_proj.weight", new Object[] {new long[] {h, valueRows}, w.outProj()});
        } else {
            AttentionWeights w = (AttentionWeights) mixer;
            AttentionDims c = TINY.attention();
            String a = p + "self_attn.";
            long qDim = (long) c.queryHeads() * c.headDim();
            long kvDim = (long) c.kvHeads() * c.headDim();
            t.put(a + "q_proj.weight", new Object[] {new long[] {2 * qDim, h}, HfLayouts.qProj(w.qGateProj(), c)});
            t.put(a + "k_proj.weight", new Object[] {new long[] {kvDim, h}, w.kProj()});
            t.put(a + "v_proj.weight", new Object[] {new long[] {kvDim, h}, w.vProj()});
            t.put(a + "o_proj.weight", new Object[] {new long[] {h, qDim}, w.oProj()});
            t.put(a + "q_norm.weight", new Object[] {new long[] {c.headDim()}, w.qNorm()});
            t.put(a + "k_norm.weight", new Object[] {new long[] {c.headDim()}, w.kNorm()});
        }
        t.forEach((name, shapeAndValues) -> {
            if (skip.contains(name)) {
                return;
            }
            long[] shape = (long[]) shapeAndValues[0];
            if (shapeAndValues[1] instanceof float[] f) {
                out.f32(name, shape, f);
            } else {
                out.bf16(name, shape, (short[]) shapeAndValues[1]);
            }
        });
    }

    /** Layers 0 (gated-delta-net) and 3 (attention) in two shards. */
    private void writeTwoShards(Set<String> skip) throws IOException {
        SafetensorsWriter a = new SafetensorsWriter();
        SafetensorsWriter b = new SafetensorsWriter();
        writeMixer(a, 0, skip);
        writeMixer(b, 3, skip);
        Map<String, SafetensorsWriter> shards = new LinkedHashMap<>();
        shards.put("model-00001-of-00002.safetensors", a);
        shards.put("model-00002-of-00002.safetensors", b);
        SafetensorsWriter.writeIndex(dir, shards);
    }

    @Test
    void gatedDeltaNetLayerLoadsIntoOurLayoutBitExactly() throws IOException {
        writeTwoShards(Set.of());
        LinearAttentionWeights expected = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, SEED);
        LinearAttentionWeights read =
                (LinearAttentionWeights) Checkpoint.open(dir).mixerWeights(TINY, 0);
        assertThat(read.inputNorm()).isEqualTo(expected.inputNorm());
        assertThat(read.inProj()).isEqualTo(expected.inProj());
        assertThat(read.conv()).isEqualTo(expected.conv());
        assertThat(read.dtBias()).isEqualTo(expected.dtBias());
        assertThat(read.aLog()).isEqualTo(expected.aLog()); // stored F32, exactly the bf16 values
        assertThat(read.norm()).isEqualTo(expected.norm());
        assertThat(read.outProj()).isEqualTo(expected.outProj());
    }

    @Test
    void attentionLayerLoadsIntoOurLayoutBitExactly() throws IOException {
        writeTwoShards(Set.of());
        AttentionWeights expected = (AttentionWeights) SyntheticWeights.mixer(TINY, 3, SEED);
        AttentionWeights read =
                (AttentionWeights) WeightSource.checkpoint(TINY, dir).mixer(3);
        assertThat(read.inputNorm()).isEqualTo(expected.inputNorm());
        assertThat(read.qGateProj()).isEqualTo(expected.qGateProj());
        assertThat(read.kProj()).isEqualTo(expected.kProj());
        assertThat(read.vProj()).isEqualTo(expected.vProj());
        assertThat(read.oProj()).isEqualTo(expected.oProj());
        assertThat(read.qNorm()).isEqualTo(expected.qNorm());
        assertThat(read.kNorm()).isEqualTo(expected.kNorm());
    }

    @Test
    void onlyTheLayersAskedForAreRead() throws IOException {
        SafetensorsWriter only = new SafetensorsWriter();
        writeMixer(only, 0, Set.of());
        only.write(dir.resolve(Checkpoint.SINGLE));
        WeightSource source = WeightSource.checkpoint(TINY, dir);
        assertThat(source.mixer(0)).isInstanceOf(LinearAttentionWeights.class);
        assertThatThrownBy(() -> source.mixer(1))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(Checkpoint.SINGLE)
                .hasMessageContaining("tensor model.layers.1.")
                .hasMessageContaining("not in the file");
    }

    @Test
    void missingTensorNamesIndexAndTensor() throws IOException {
        writeTwoShards(Set.of("model.layers.0.linear_attn.A_log", "model.layers.3.self_attn.k_norm.weight"));
        Checkpoint checkpoint = Checkpoint.open(dir);
        assertThatThrownBy(() -> checkpoint.mixerWeights(TINY, 0))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(Checkpoint.INDEX)
                .hasMessageContaining("tensor model.layers.0.linear_attn.A_log: not in the weight_map");
        assertThatThrownBy(() -> checkpoint.mixerWeights(TINY, 3))
                .hasMessageContaining("tensor model.layers.3.self_attn.k_norm.weight: not in the weight_map");
    }

    @Test
    void mismatchedShapesNameFileTensorAndShapes() throws IOException {
        SafetensorsWriter out = new SafetensorsWriter();
        writeMixer(out, 0, Set.of("model.layers.0.linear_attn.conv1d.weight"));
        LinearAttentionWeights w = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 0, SEED);
        int convDim = TINY.linear().convDim();
        out.bf16("model.layers.0.linear_attn.conv1d.weight", new long[] {convDim, 4}, w.conv());
        Path file = out.write(dir.resolve(Checkpoint.SINGLE));
        assertThatThrownBy(() -> Checkpoint.open(dir).mixerWeights(TINY, 0))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor model.layers.0.linear_attn.conv1d.weight: shape [" + convDim
                        + ", 4], expected [" + convDim + ", 1, 4]");
        ModelConfig moreValueHeads = ModelConfig.fromJson(
                TINY.toJson().replace("\"linear_num_value_heads\":4", "\"linear_num_value_heads\":8"));
        assertThatThrownBy(() -> Checkpoint.open(dir).mixerWeights(moreValueHeads, 0))
                .hasMessageContaining("tensor model.layers.0.linear_attn.in_proj_qkvz.weight: shape [384, 256],"
                        + " expected [640, 256]");
    }

    @Test
    void truncatedShardNamesFileAndTensor() throws IOException {
        SafetensorsWriter out = new SafetensorsWriter();
        writeMixer(out, 3, Set.of());
        byte[] bytes = out.bytes();
        Path file = Files.write(dir.resolve(Checkpoint.SINGLE), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> Checkpoint.open(dir).mixerWeights(TINY, 3))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tensor model.layers.3.self_attn.k_norm.weight: data_offsets")
                .hasMessageContaining("truncated?");
    }

    @Test
    void aLayerOfTheOtherTypeIsRefused() throws IOException {
        writeTwoShards(Set.of());
        Checkpoint checkpoint = Checkpoint.open(dir);
        assertThatThrownBy(() -> MixerTensors.linearAttention(checkpoint, TINY, 3))
                .hasMessageContaining("layer 3 of tiny is of type full_attention, not linear_attention");
        assertThatThrownBy(() -> MixerTensors.attention(checkpoint, TINY, 0))
                .hasMessageContaining("layer 0 of tiny is of type linear_attention, not full_attention");
        assertThatThrownBy(() -> checkpoint.mixerWeights(TINY, 9)).hasMessageContaining("layer 9 outside 0..3");
    }
}

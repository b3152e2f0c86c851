package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.kernels.shape.ModelDims;
import org.fusescope.profiler.ops.LayerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {
    @TempDir
    Path dir;

    static Path hfConfig() throws URISyntaxException {
        return Path.of(
                ModelConfigTest.class.getResource("qwen3-next-config.json").toURI());
    }

    @Test
    void presetsMatchKernelsMd() {
        ModelConfig next = ModelConfig.preset("qwen3-next-80b-a3b");
        assertThat(next.dims(false)).isEqualTo(ModelDims.QWEN3_NEXT);
        assertThat(next.layers()).isEqualTo(48);
        assertThat(next.attention().rotaryDim()).isEqualTo(64);
        assertThat(next.linear().convDim()).isEqualTo(2 * 16 * 128 + 32 * 128);
        assertThat(ModelConfig.preset("qwen3.5-35b-a3b").dims(false)).isEqualTo(ModelDims.QWEN35);
        assertThat(ModelConfig.preset("qwen3.5-35b-a3b").layers()).isEqualTo(40);
        ModelConfig tiny = ModelConfig.preset("tiny");
        assertThat(tiny.dims(true)).isEqualTo(ModelDims.TINY.withSharedAsExpert(true));
        assertThat(tiny.layers()).isEqualTo(4);
        assertThat(tiny.sharedInter()).isEqualTo(64);
    }

    @Test
    void layerDimsMatchTheKernelsSizeRecords() {
        for (String qwen : new String[] {"qwen3-next-80b-a3b", "qwen3.5-35b-a3b"}) {
            assertThat(ModelConfig.preset(qwen).linear()).isEqualTo(LinearAttentionDims.QWEN3_NEXT);
            assertThat(ModelConfig.preset(qwen).attention()).isEqualTo(AttentionDims.QWEN3_NEXT);
        }
        ModelConfig tiny = ModelConfig.preset("tiny");
        assertThat(tiny.linear()).isEqualTo(LinearAttentionDims.TINY);
        assertThat(tiny.attention()).isEqualTo(AttentionDims.TINY);
        assertThat(tiny.linear().projectionDim()).isEqualTo(LinearAttentionDims.TINY.projectionDim());
        assertThat(tiny.linear().valueHeadsPerKeyHead()).isEqualTo(2);
    }

    @Test
    void layerPatternFollowsTheInterval() {
        ModelConfig next = ModelConfig.preset("qwen3-next-80b-a3b");
        assertThat(next.isFullAttention(2)).isFalse();
        assertThat(next.isFullAttention(3)).isTrue();
        assertThat(next.isFullAttention(47)).isTrue();
        assertThat(next.layerTypes()).hasSize(48);
        assertThat(next.layerTypes().stream().filter(t -> t == LayerType.FULL_ATTENTION))
                .hasSize(12);
        assertThat(ModelConfig.preset("qwen3.5-35b-a3b").layerTypes().stream()
                        .filter(t -> t == LayerType.FULL_ATTENTION))
                .hasSize(10);
        assertThat(ModelConfig.preset("tiny").layerTypes())
                .containsExactly(
                        LayerType.LINEAR_ATTENTION,
                        LayerType.LINEAR_ATTENTION,
                        LayerType.LINEAR_ATTENTION,
                        LayerType.FULL_ATTENTION);
        assertThatThrownBy(() -> next.layerType(48)).hasMessageContaining("layer 48 outside 0..47");
        assertThatThrownBy(() -> next.layerType(-1)).hasMessageContaining("layer -1 outside");
    }

    @Test
    void layerTypesOfConfigJsonWinOverTheInterval() throws Exception {
        Path file = write(edited(n -> {
            n.put("num_hidden_layers", 3);
            n.putArray("layer_types")
                    .add("full_attention")
                    .add("linear_attention")
                    .add("full_attention");
        }));
        ModelConfig c = ModelConfig.fromHuggingFace(file);
        assertThat(c.layerTypes())
                .containsExactly(LayerType.FULL_ATTENTION, LayerType.LINEAR_ATTENTION, LayerType.FULL_ATTENTION);
        assertThat(ModelConfig.fromJson(c.toJson())).isEqualTo(c);
        Path noTypes = write(edited(n -> {
            n.put("num_hidden_layers", 6);
            n.put("full_attention_interval", 3);
            n.putNull("layer_types");
        }));
        assertThat(ModelConfig.fromHuggingFace(noTypes).layerTypes())
                .extracting(LayerType::configName)
                .containsExactly(
                        "linear_attention",
                        "linear_attention",
                        "full_attention",
                        "linear_attention",
                        "linear_attention",
                        "full_attention");
    }

    @Test
    void badLayerTypesNameFileKeyAndEntry() throws Exception {
        Path shorter = write(edited(n -> n.putArray("layer_types").add("linear_attention")));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(shorter))
                .hasMessageContaining(shorter.toString())
                .hasMessageContaining("layer_types has 1 entries but num_hidden_layers is 48");
        Path unknown = write(edited(n -> {
            n.put("num_hidden_layers", 2);
            n.putArray("layer_types").add("linear_attention").add("sliding_attention");
        }));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(unknown))
                .hasMessageContaining(unknown.toString())
                .hasMessageContaining("layer_types[1]: 'sliding_attention' is not a layer type")
                .hasMessageContaining("linear_attention or full_attention");
        Path notArray = write(edited(n -> n.put("layer_types", "full_attention")));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(notArray))
                .hasMessageContaining("field layer_types must be an array");
    }

    @Test
    void layerSizesTheKernelsCannotTakeNameTheKey() throws Exception {
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(write(edited(n -> n.put("linear_key_head_dim", 100)))))
                .hasMessageContaining("linear_key_head_dim must be a multiple of 8");
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(write(edited(n -> n.put("linear_value_head_dim", 0)))))
                .hasMessageContaining("linear_value_head_dim: expected >= 1 but was 0");
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(write(edited(n -> n.put("linear_conv_kernel_dim", 1)))))
                .hasMessageContaining("linear_conv_kernel_dim must be at least 2");
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(write(edited(n -> n.put("head_dim", 60)))))
                .hasMessageContaining("head_dim must be a multiple of 8");
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(write(edited(n -> n.put("rope_theta", 1)))))
                .hasMessageContaining("rope_theta must be finite and above 1");
        Path heads = write(edited(n -> n.put("linear_num_value_heads", 24)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(heads))
                .hasMessageContaining(heads.toString())
                .hasMessageContaining("linear_num_value_heads (24) must be a multiple of linear_num_key_heads (16)");
        Path rotary = write(edited(n -> n.put("partial_rotary_factor", 0.3)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(rotary))
                .hasMessageContaining("head_dim * partial_rotary_factor");
    }

    @Test
    void unknownPresetListsThePresets() {
        assertThatThrownBy(() -> ModelConfig.preset("qwen9"))
                .hasMessageContaining("qwen9")
                .hasMessageContaining("qwen3-next-80b-a3b, qwen3.5-35b-a3b, tiny");
    }

    @Test
    void readsHuggingFaceConfig() throws Exception {
        ModelConfig read = ModelConfig.fromHuggingFace(hfConfig());
        ModelConfig preset = ModelConfig.preset("qwen3-next-80b-a3b");
        assertThat(read.name()).isEqualTo("model");
        assertThat(new ModelConfig(
                        preset.name(),
                        read.hidden(),
                        read.layers(),
                        read.experts(),
                        read.topK(),
                        read.inter(),
                        read.sharedInter(),
                        read.normTopkProb(),
                        read.rmsNormEps(),
                        read.fullAttentionInterval(),
                        read.attention(),
                        read.linear()))
                .isEqualTo(preset);
    }

    @Test
    void jsonRoundTrip() {
        for (String name : ModelConfig.presetNames()) {
            ModelConfig c = ModelConfig.preset(name);
            assertThat(ModelConfig.fromJson(c.toJson())).isEqualTo(c);
        }
        assertThat(ModelConfig.preset("tiny").toJson())
                .contains("\"num_experts\":16")
                .contains("\"layer_types\":[\"linear_attention\",\"linear_attention\",\"linear_attention\","
                        + "\"full_attention\"]")
                .doesNotContain("\n");
        String legacy = ModelConfig.preset("tiny").toJson().replaceAll(",\"layer_types\":\\[[^\\]]*\\]", "");
        assertThat(legacy).doesNotContain("layer_types");
        assertThat(ModelConfig.fromJson(legacy)).isEqualTo(ModelConfig.preset("tiny"));
    }

    @Test
    void textConfigAndRopeParametersAreFollowed() throws Exception {
        ObjectNode model = edited(n -> {});
        model.remove("rope_theta");
        model.putObject("rope_parameters").put("rope_theta", 5e6);
        ObjectNode root = ConfigJson.MAPPER.createObjectNode();
        root.set("text_config", model);
        Path file = write(root);
        assertThat(ModelConfig.fromHuggingFace(file).attention().ropeTheta()).isEqualTo(5e6);
    }

    @Test
    void missingAndNonNumericFieldsNameFileAndKey() throws Exception {
        Path missing = write(edited(n -> n.remove("num_experts")));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(missing))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("missing field num_experts");
        Path text = write(edited(n -> n.put("hidden_size", "big")));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(text))
                .hasMessageContaining(text.toString())
                .hasMessageContaining("hidden_size must be an integer");
        Path fraction = write(edited(n -> n.put("num_hidden_layers", 4.5)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(fraction)).hasMessageContaining("num_hidden_layers");
        Path bool = write(edited(n -> n.put("norm_topk_prob", 1)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(bool)).hasMessageContaining("norm_topk_prob");
    }

    @Test
    void inconsistentValuesNameFileAndKey() throws Exception {
        Path topK = write(edited(n -> n.put("num_experts_per_tok", 600)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(topK))
                .hasMessageContaining(topK.toString())
                .hasMessageContaining("num_experts_per_tok (600) must not exceed num_experts (512)");
        Path hidden = write(edited(n -> n.put("hidden_size", 2050)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(hidden))
                .hasMessageContaining("hidden_size must be a positive multiple of 8");
        Path heads = write(edited(n -> n.put("num_key_value_heads", 3)));
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(heads)).hasMessageContaining("num_key_value_heads");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"hidden_size\": ");
        assertThatThrownBy(() -> ModelConfig.fromHuggingFace(bad))
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void sharedAsExpertNeedsEqualSizes() throws Exception {
        ModelConfig c = ModelConfig.fromHuggingFace(write(edited(n -> n.put("shared_expert_intermediate_size", 1024))));
        assertThat(c.dims(false).sharedAsExpert()).isFalse();
        assertThatThrownBy(() -> c.dims(true))
                .hasMessageContaining("shared_expert_intermediate_size (1024) == moe_intermediate_size (512)");
    }

    private interface Edit {
        void apply(ObjectNode node);
    }

    private static ObjectNode edited(Edit edit) throws IOException, URISyntaxException {
        ObjectNode node = (ObjectNode) ConfigJson.MAPPER.readTree(hfConfig().toFile());
        edit.apply(node);
        return node;
    }

    private Path write(ObjectNode node) throws IOException {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.writeString(file, node.toString());
        return file;
    }
}

package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.kernels.ops.ModelDims;
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
        assertThat(tiny.layers()).isEqualTo(2);
        assertThat(tiny.sharedInter()).isEqualTo(64);
    }

    @Test
    void layerPattern() {
        ModelConfig next = ModelConfig.preset("qwen3-next-80b-a3b");
        assertThat(next.isFullAttention(2)).isFalse();
        assertThat(next.isFullAttention(3)).isTrue();
        assertThat(next.isFullAttention(47)).isTrue();
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
                .doesNotContain("\n");
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

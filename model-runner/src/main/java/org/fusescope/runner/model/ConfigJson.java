package org.fusescope.runner.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.ops.LayerType;

/** {@link ModelConfig} ⇄ JSON with HuggingFace's {@code config.json} keys. Stateless, thread-safe. */
final class ConfigJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigJson() {}

    static ModelConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the model config: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = dir == null || dir.getFileName() == null
                ? file.toString()
                : dir.getFileName().toString();
        return parse(text, file.toString(), name);
    }

    static ModelConfig parse(String text, String source, String defaultName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object");
        }
        JsonNode model = root.path("text_config").isObject() ? root.get("text_config") : root;
        Fields f = new Fields(model, source);
        try {
            int layers = f.integer("num_hidden_layers");
            int interval = f.integer("full_attention_interval");
            return new ModelConfig(
                    root.path("name").isTextual() ? root.get("name").asText() : defaultName,
                    f.integer("hidden_size"),
                    layers,
                    f.integer("num_experts"),
                    f.integer("num_experts_per_tok"),
                    f.integer("moe_intermediate_size"),
                    f.integer("shared_expert_intermediate_size"),
                    f.bool("norm_topk_prob"),
                    f.number("rms_norm_eps"),
                    interval,
                    new AttentionConfig(
                            f.integer("num_attention_heads"),
                            f.integer("num_key_value_heads"),
                            f.integer("head_dim"),
                            f.rope("partial_rotary_factor"),
                            f.rope("rope_theta")),
                    new LinearAttentionConfig(
                            f.integer("linear_num_key_heads"),
                            f.integer("linear_num_value_heads"),
                            f.integer("linear_key_head_dim"),
                            f.integer("linear_value_head_dim"),
                            f.integer("linear_conv_kernel_dim")),
                    model.hasNonNull("layer_types")
                            ? f.layerTypes("layer_types")
                            : ModelConfig.intervalPattern(layers, interval));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    static String write(ModelConfig c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", c.name());
        o.put("hidden_size", c.hidden());
        o.put("num_hidden_layers", c.layers());
        o.put("num_experts", c.experts());
        o.put("num_experts_per_tok", c.topK());
        o.put("moe_intermediate_size", c.inter());
        o.put("shared_expert_intermediate_size", c.sharedInter());
        o.put("norm_topk_prob", c.normTopkProb());
        o.put("rms_norm_eps", c.rmsNormEps());
        o.put("full_attention_interval", c.fullAttentionInterval());
        o.put("num_attention_heads", c.attention().heads());
        o.put("num_key_value_heads", c.attention().kvHeads());
        o.put("head_dim", c.attention().headDim());
        o.put("partial_rotary_factor", c.attention().partialRotaryFactor());
        o.put("rope_theta", c.attention().ropeTheta());
        o.put("linear_num_key_heads", c.linear().keyHeads());
        o.put("linear_num_value_heads", c.linear().valueHeads());
        o.put("linear_key_head_dim", c.linear().keyHeadDim());
        o.put("linear_value_head_dim", c.linear().valueHeadDim());
        o.put("linear_conv_kernel_dim", c.linear().convKernel());
        ArrayNode types = o.putArray("layer_types");
        c.layerTypes().forEach(t -> types.add(t.configName()));
        return o.toString();
    }

    /** Typed access to one object's fields, with errors naming the source and the key. */
    private record Fields(JsonNode node, String source) {
        JsonNode required(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                throw new IllegalArgumentException(source + ": missing field " + key);
            }
            return v;
        }

        int integer(String key) {
            JsonNode v = required(key);
            if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || !v.canConvertToInt()) {
                throw new IllegalArgumentException(source + ": field " + key + " must be an integer, not " + v);
            }
            return v.asInt();
        }

        double number(String key) {
            JsonNode v = required(key);
            if (!v.isNumber()) {
                throw new IllegalArgumentException(source + ": field " + key + " must be a number, not " + v);
            }
            return v.asDouble();
        }

        boolean bool(String key) {
            JsonNode v = required(key);
            if (!v.isBoolean()) {
                throw new IllegalArgumentException(source + ": field " + key + " must be true or false, not " + v);
            }
            return v.asBoolean();
        }

        /** An array of {@code linear_attention} / {@code full_attention}; the length is checked by the caller. */
        List<LayerType> layerTypes(String key) {
            JsonNode v = required(key);
            if (!v.isArray()) {
                throw new IllegalArgumentException(source + ": field " + key + " must be an array, not " + v);
            }
            List<LayerType> types = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode t = v.get(i);
                try {
                    types.add(LayerType.fromConfigName(t.isTextual() ? t.asText() : t.toString()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": field " + key + "[" + i + "]: " + e.getMessage(), e);
                }
            }
            return types;
        }

        /** Newer transformers move the rotary settings into {@code rope_parameters}. */
        double rope(String key) {
            JsonNode nested = node.path("rope_parameters");
            if (!node.has(key) && nested.has(key)) {
                return new Fields(nested, source).number(key);
            }
            return number(key);
        }
    }
}

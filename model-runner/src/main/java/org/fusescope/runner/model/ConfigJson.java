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
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
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
            String name = root.path("name").isTextual() ? root.get("name").asText() : defaultName;
            int hidden = f.integer("hidden_size");
            int experts = f.integer("num_experts");
            int topK = f.integer("num_experts_per_tok");
            int inter = f.integer("moe_intermediate_size");
            int sharedInter = f.integer("shared_expert_intermediate_size");
            boolean normTopkProb = f.bool("norm_topk_prob");
            double rmsNormEps = f.number("rms_norm_eps");
            int heads = f.integer("num_attention_heads");
            int kvHeads = f.integer("num_key_value_heads");
            int headDim = f.integer("head_dim");
            double partialRotaryFactor = f.rope("partial_rotary_factor");
            double ropeTheta = f.rope("rope_theta");
            int rotaryDim = checkAttention(heads, kvHeads, headDim, partialRotaryFactor, ropeTheta);
            int keyHeads = f.integer("linear_num_key_heads");
            int valueHeads = f.integer("linear_num_value_heads");
            int keyDim = f.integer("linear_key_head_dim");
            int valueDim = f.integer("linear_value_head_dim");
            int convKernel = f.integer("linear_conv_kernel_dim");
            checkLinear(keyHeads, valueHeads, keyDim, valueDim, convKernel);
            List<LayerType> layerTypes = model.hasNonNull("layer_types")
                    ? f.layerTypes("layer_types")
                    : ModelConfig.intervalPattern(layers, interval);
            ModelConfig.checkHidden(hidden); // before the layers' records take it
            return new ModelConfig(
                    name,
                    hidden,
                    layers,
                    experts,
                    topK,
                    inter,
                    sharedInter,
                    normTopkProb,
                    rmsNormEps,
                    interval,
                    new AttentionDims(hidden, heads, kvHeads, headDim, rotaryDim, ropeTheta),
                    new LinearAttentionDims(hidden, keyHeads, valueHeads, keyDim, valueDim, convKernel),
                    layerTypes);
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
        o.put("num_attention_heads", c.attention().queryHeads());
        o.put("num_key_value_heads", c.attention().kvHeads());
        o.put("head_dim", c.attention().headDim());
        o.put(
                "partial_rotary_factor",
                (double) c.attention().rotaryDim() / c.attention().headDim());
        o.put("rope_theta", c.attention().ropeTheta());
        o.put("linear_num_key_heads", c.linear().keyHeads());
        o.put("linear_num_value_heads", c.linear().valueHeads());
        o.put("linear_key_head_dim", c.linear().keyDim());
        o.put("linear_value_head_dim", c.linear().valueDim());
        o.put("linear_conv_kernel_dim", c.linear().convKernel());
        ArrayNode types = o.putArray("layer_types");
        c.layerTypes().forEach(t -> types.add(t.configName()));
        return o.toString();
    }

    /**
     * Checks the full attention layers' keys as the kernels need them.
     *
     * @return the rotated dims at the start of each head ({@code head_dim * partial_rotary_factor})
     * @throws IllegalArgumentException naming the offending key
     */
    static int checkAttention(int heads, int kvHeads, int headDim, double partialRotaryFactor, double ropeTheta) {
        Args.positive("num_attention_heads", heads);
        Args.positive("num_key_value_heads", kvHeads);
        Args.positive("head_dim", headDim);
        Args.check(headDim % 8 == 0, "head_dim must be a multiple of 8 (the kernels' vector width), not " + headDim);
        Args.check(
                heads % kvHeads == 0,
                "num_attention_heads (" + heads + ") must be a multiple of num_key_value_heads (" + kvHeads + ")");
        Args.check(
                partialRotaryFactor > 0 && partialRotaryFactor <= 1,
                "partial_rotary_factor must be in (0, 1], not " + partialRotaryFactor);
        double rotary = headDim * partialRotaryFactor;
        Args.check(
                rotary == Math.rint(rotary) && ((long) rotary) % 2 == 0,
                "head_dim * partial_rotary_factor (" + rotary + ") must be an even whole number");
        Args.check(
                ropeTheta > 1 && Double.isFinite(ropeTheta), "rope_theta must be finite and above 1, not " + ropeTheta);
        return (int) Math.round(rotary);
    }

    /**
     * Checks the gated-delta-net layers' keys as the kernels need them.
     *
     * @throws IllegalArgumentException naming the offending key
     */
    static void checkLinear(int keyHeads, int valueHeads, int keyDim, int valueDim, int convKernel) {
        Args.positive("linear_num_key_heads", keyHeads);
        Args.positive("linear_num_value_heads", valueHeads);
        Args.positive("linear_key_head_dim", keyDim);
        Args.positive("linear_value_head_dim", valueDim);
        Args.check(
                keyDim % 8 == 0,
                "linear_key_head_dim must be a multiple of 8 (the kernels' vector width), not " + keyDim);
        Args.check(
                valueDim % 8 == 0,
                "linear_value_head_dim must be a multiple of 8 (the kernels' vector width), not " + valueDim);
        Args.check(
                convKernel >= 2,
                "linear_conv_kernel_dim must be at least 2 (the state keeps W - 1 columns), not " + convKernel);
        Args.check(
                valueHeads % keyHeads == 0,
                "linear_num_value_heads (" + valueHeads + ") must be a multiple of linear_num_key_heads (" + keyHeads
                        + ")");
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

package org.fusescope.runner.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.kernels.shape.ModelDims;
import org.fusescope.profiler.ops.LayerType;

/**
 * A Qwen3-Next model's configuration: the MoE block's sizes, the attention layers' sizes and which
 * layers are which. Field names in error messages and in {@link #toJson()} are HuggingFace's {@code
 * config.json} keys. Immutable and thread-safe.
 *
 * @param name the preset name, or where a loaded configuration came from (for display)
 * @param hidden H ({@code hidden_size}), a positive multiple of 8
 * @param layers decoder layers ({@code num_hidden_layers}); every one has an MoE block
 * @param experts routed experts E ({@code num_experts})
 * @param topK experts per token K ({@code num_experts_per_tok}), 1..min(E, 32)
 * @param inter expert intermediate size I ({@code moe_intermediate_size})
 * @param sharedInter the shared expert's intermediate size SI ({@code shared_expert_intermediate_size})
 * @param normTopkProb whether the K routing weights are renormalized to sum 1 ({@code norm_topk_prob})
 * @param rmsNormEps the RMSNorm epsilon ({@code rms_norm_eps})
 * @param fullAttentionInterval without {@code layerTypes}, layer i is full attention iff {@code (i + 1) %
 *     interval == 0} ({@code full_attention_interval}, 4 in Qwen3-Next)
 * @param attention the full attention layers' sizes, with the same {@code hidden}; the kernels'
 *     record, which the kernels are compiled for and the references compute with
 * @param linear the gated-delta-net layers' sizes, with the same {@code hidden}; the kernels' record
 * @param layerTypes each layer's type, {@code layers} of them ({@code layer_types}; HuggingFace derives
 *     it from the interval when a config.json has none)
 */
public record ModelConfig(
        String name,
        int hidden,
        int layers,
        int experts,
        int topK,
        int inter,
        int sharedInter,
        boolean normTopkProb,
        double rmsNormEps,
        int fullAttentionInterval,
        AttentionDims attention,
        LinearAttentionDims linear,
        List<LayerType> layerTypes) {

    private static final Map<String, ModelConfig> PRESETS = Map.of(
            "qwen3-next-80b-a3b",
            new ModelConfig(
                    "qwen3-next-80b-a3b",
                    2048,
                    48,
                    512,
                    10,
                    512,
                    512,
                    true,
                    1e-6,
                    4,
                    AttentionDims.QWEN3_NEXT,
                    LinearAttentionDims.QWEN3_NEXT),
            "qwen3.5-35b-a3b",
            new ModelConfig(
                    "qwen3.5-35b-a3b",
                    2048,
                    40,
                    256,
                    8,
                    512,
                    512,
                    true,
                    1e-6,
                    4,
                    AttentionDims.QWEN3_NEXT,
                    LinearAttentionDims.QWEN3_NEXT),
            "tiny",
            new ModelConfig(
                    "tiny", 256, 4, 16, 4, 64, 64, true, 1e-6, 4, AttentionDims.TINY, LinearAttentionDims.TINY));

    /** Validates every field; the message names the offending HuggingFace key. */
    public ModelConfig {
        Args.check(name != null && !name.isBlank(), "name must not be blank");
        checkHidden(hidden);
        Args.positive("num_hidden_layers", layers);
        Args.positive("num_experts", experts);
        Args.positive("num_experts_per_tok", topK);
        Args.check(topK <= experts, "num_experts_per_tok (" + topK + ") must not exceed num_experts (" + experts + ")");
        Args.check(topK <= 32, "num_experts_per_tok must be at most 32 (the kernels' limit), not " + topK);
        Args.positive("moe_intermediate_size", inter);
        Args.positive("shared_expert_intermediate_size", sharedInter);
        Args.check(rmsNormEps > 0 && rmsNormEps < 1, "rms_norm_eps must be in (0, 1), not " + rmsNormEps);
        Args.positive("full_attention_interval", fullAttentionInterval);
        Args.check(attention != null && linear != null, "attention and linear attention sizes are required");
        Args.check(
                attention.hidden() == hidden && linear.hidden() == hidden,
                "the attention layers' hidden sizes (" + attention.hidden() + ", " + linear.hidden()
                        + ") must equal hidden_size (" + hidden + ")");
        attention.checkKernelSizes();
        linear.checkKernelSizes();
        Args.check(layerTypes != null, "layer_types is required");
        Args.check(
                layerTypes.size() == layers,
                "layer_types has " + layerTypes.size() + " entries but num_hidden_layers is " + layers);
        Args.check(!layerTypes.contains(null), "layer_types must not contain null");
        layerTypes = List.copyOf(layerTypes);
    }

    /** A configuration whose layer types follow {@code fullAttentionInterval} (as HuggingFace derives them). */
    public ModelConfig(
            String name,
            int hidden,
            int layers,
            int experts,
            int topK,
            int inter,
            int sharedInter,
            boolean normTopkProb,
            double rmsNormEps,
            int fullAttentionInterval,
            AttentionDims attention,
            LinearAttentionDims linear) {
        this(
                name,
                hidden,
                layers,
                experts,
                topK,
                inter,
                sharedInter,
                normTopkProb,
                rmsNormEps,
                fullAttentionInterval,
                attention,
                linear,
                intervalPattern(layers, fullAttentionInterval));
    }

    /** @throws IllegalArgumentException unless {@code hidden} is a positive multiple of 8 */
    static void checkHidden(int hidden) {
        Args.check(hidden > 0 && hidden % 8 == 0, "hidden_size must be a positive multiple of 8, not " + hidden);
    }

    /**
     * Layer i is full attention iff {@code (i + 1) % interval == 0}.
     *
     * @throws IllegalArgumentException naming num_hidden_layers or full_attention_interval when not positive
     */
    static List<LayerType> intervalPattern(int layers, int interval) {
        Args.positive("num_hidden_layers", layers);
        Args.positive("full_attention_interval", interval);
        return IntStream.range(0, layers)
                .mapToObj(i -> LayerType.byInterval(i, interval))
                .toList();
    }

    /** The preset names {@link #preset} knows, sorted. */
    public static List<String> presetNames() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    /**
     * A preset by name: {@code qwen3-next-80b-a3b}, {@code qwen3.5-35b-a3b} or {@code tiny} (H 256, E 16,
     * K 4, I = SI = 64, 4 layers: three gated-delta-net and one attention layer of the kernels' {@code
     * TINY} sizes, for CPU tests).
     *
     * @throws IllegalArgumentException for an unknown name, listing the presets
     */
    public static ModelConfig preset(String name) {
        ModelConfig config = PRESETS.get(name);
        if (config == null) {
            throw new IllegalArgumentException(
                    "unknown model preset '" + name + "'; presets: " + String.join(", ", presetNames()));
        }
        return config;
    }

    /**
     * Reads a HuggingFace Qwen3-Next {@code config.json} (or one whose model sits under {@code
     * text_config}, as Qwen3.5's does).
     *
     * @throws IllegalArgumentException naming the file and the key for a missing, non-numeric or
     *     inconsistent field; {@link java.io.UncheckedIOException} when the file cannot be read
     */
    public static ModelConfig fromHuggingFace(Path configJson) {
        return ConfigJson.read(configJson);
    }

    /** Reads back what {@link #toJson()} wrote (e.g. {@code FS_RUNS.configJson}). */
    public static ModelConfig fromJson(String json) {
        return ConfigJson.parse(json, "config JSON", "config");
    }

    /** The configuration as a one-line JSON object with HuggingFace's keys plus {@code name}. */
    public String toJson() {
        return ConfigJson.write(this);
    }

    /**
     * Layer {@code layer}'s type (0-based).
     *
     * @throws IllegalArgumentException for a layer outside 0..layers-1
     */
    public LayerType layerType(int layer) {
        Args.check(layer >= 0 && layer < layers, "layer " + layer + " outside 0.." + (layers - 1) + " of " + name);
        return layerTypes.get(layer);
    }

    /**
     * Checks that {@code layer} is a layer of this model of type {@code type} (any type when null).
     *
     * @throws IllegalArgumentException for a layer outside the model or of another type
     */
    void checkLayer(int layer, LayerType type) {
        LayerType actual = layerType(layer);
        Args.check(
                type == null || actual == type,
                "layer " + layer + " of " + name + " is of type " + actual.configName() + ", not "
                        + (type == null ? "" : type.configName()));
    }

    /** Whether layer {@code layer} (0-based) is a full attention layer; the others are gated-delta-net. */
    public boolean isFullAttention(int layer) {
        return layerType(layer) == LayerType.FULL_ATTENTION;
    }

    /**
     * Checks that the shared expert can run as expert E of the grouped GEMMs.
     *
     * @throws IllegalArgumentException when {@code sharedInter != inter}
     */
    public void validateSharedAsExpert() {
        Args.check(
                sharedInter == inter,
                "shared_as_expert needs shared_expert_intermediate_size (" + sharedInter
                        + ") == moe_intermediate_size (" + inter + ") in " + name);
    }

    /**
     * The kernels' sizes record.
     *
     * @throws IllegalArgumentException when {@code sharedAsExpert} is on and SI ≠ I
     */
    public ModelDims dims(boolean sharedAsExpert) {
        if (sharedAsExpert) {
            validateSharedAsExpert();
        }
        return new ModelDims(hidden, experts, topK, inter, sharedAsExpert);
    }
}

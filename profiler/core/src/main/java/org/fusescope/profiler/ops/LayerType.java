package org.fusescope.profiler.ops;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What mixes tokens in a decoder layer, before its MoE block. */
public enum LayerType {
    /** A gated-delta-net layer: linear attention with a recurrent state per request. */
    LINEAR_ATTENTION("linear_attention", "linear attention"),
    /** A gated full-attention layer over the KV cache. */
    FULL_ATTENTION("full_attention", "attention");

    private final String configName;
    private final String label;

    LayerType(String configName, String label) {
        this.configName = configName;
        this.label = label;
    }

    /** The name in HuggingFace's {@code layer_types}, e.g. {@code linear_attention}. */
    public String configName() {
        return configName;
    }

    /** The name in range markers and messages, e.g. {@code linear attention}. */
    public String label() {
        return label;
    }

    /**
     * The type that {@code layer_types} calls {@code name}.
     *
     * @throws IllegalArgumentException for another name, listing the known ones
     */
    public static LayerType fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(t -> t.configName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a layer type; use "
                        + Arrays.stream(values()).map(LayerType::configName).collect(Collectors.joining(" or "))));
    }

    /** The type of layer {@code layer} when every {@code interval}-th layer is full attention. */
    public static LayerType byInterval(int layer, int interval) {
        return (layer + 1) % interval == 0 ? FULL_ATTENTION : LINEAR_ATTENTION;
    }
}

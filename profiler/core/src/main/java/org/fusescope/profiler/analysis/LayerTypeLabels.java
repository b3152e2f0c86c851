package org.fusescope.profiler.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunMetadata;
import org.fusescope.profiler.ops.LayerType;

/**
 * What each layer of a recorded run was, for the per-layer-type comparison: with whole decoder layers
 * (the run's {@code fusescope.run.N.mixers} is {@code all}) the type the run's model config names in
 * {@code layer_types} ({@code linear attention}, {@code attention}); a MoE-blocks-only run, or one
 * without that metadata, has {@code MoE block} layers. Stateless.
 */
public final class LayerTypeLabels {
    public static final String MOE_ONLY = "MoE block";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LayerTypeLabels() {}

    /** The label of each layer index of {@code run}; {@code metadata} is its database's. */
    public static IntFunction<String> of(RunInfo run, Map<String, String> metadata) {
        if (!"all".equals(metadata.get(mixersKey(run.id())))) {
            return layer -> MOE_ONLY;
        }
        List<String> types = layerTypes(run.configJson());
        return layer -> layer < types.size() ? types.get(layer) : "layer " + layer;
    }

    /** The metadata key saying whether run {@code runId} had mixers ({@code all}) or not ({@code none}). */
    private static String mixersKey(long runId) {
        return RunMetadata.key(runId, RunMetadata.MIXERS);
    }

    /** The labels of {@code layer_types} in a config; empty when it has none or is not JSON. */
    private static List<String> layerTypes(String configJson) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode t : JSON.readTree(configJson).path("layer_types")) {
                out.add(label(t.asText()));
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        return out;
    }

    /** {@code linear_attention} → {@code linear attention}; a name we do not know stays as it is. */
    private static String label(String configName) {
        try {
            return LayerType.fromConfigName(configName).label();
        } catch (IllegalArgumentException unknown) {
            return configName;
        }
    }
}

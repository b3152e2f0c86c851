package org.fusescope.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.fusescope.kernels.shape.Args;

/**
 * A recorded routing ({@code file:PATH}): a JSON file
 *
 * <pre>{@code {"experts": 512, "topk": 10, "layers": [[[3, 17, ...], [ids of token 1], ...], ...]}}</pre>
 *
 * <p>{@code layers[l][t]} lists token t's K distinct expert ids at layer l. Tokens beyond a layer's
 * recording wrap around ({@code t % recorded}), and so do layers ({@code l % layers}). Weights are not
 * recorded: each slot weighs {@code 1/K}. Immutable and thread-safe.
 *
 * @param path the file
 * @param experts E of the recording; routing another E is an error
 * @param topK K of the recording; routing another K is an error
 * @param layers per layer, the recorded ids flattened {@code [tokens, K]}
 */
public record RecordedRouting(Path path, int experts, int topK, int[][] layers) implements RoutingScenario {

    /**
     * Reads and checks a recording.
     *
     * @throws IllegalArgumentException naming the file, layer and token for a malformed recording
     */
    public static RecordedRouting load(Path path) {
        JsonNode root;
        try {
            root = ConfigJson.MAPPER.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the recorded routing: " + e.getMessage(), e);
        }
        String where = path + ": ";
        Args.check(root != null && root.isObject(), where + "expected a JSON object");
        int experts = root.path("experts").asInt(0);
        int topK = root.path("topk").asInt(0);
        Args.check(root.path("experts").isInt() && experts > 0, where + "experts must be a whole number > 0");
        Args.check(root.path("topk").isInt() && topK > 0 && topK <= experts, where + "topk must be in 1..experts");
        JsonNode layers = root.path("layers");
        Args.check(layers.isArray() && layers.size() > 0, where + "layers must be a non-empty array");
        int[][] ids = new int[layers.size()][];
        for (int l = 0; l < ids.length; l++) {
            JsonNode tokens = layers.get(l);
            Args.check(tokens.isArray() && tokens.size() > 0, where + "layers[" + l + "] must be a non-empty array");
            ids[l] = new int[tokens.size() * topK];
            for (int t = 0; t < tokens.size(); t++) {
                readToken(tokens.get(t), experts, topK, ids[l], t, where + "layers[" + l + "][" + t + "]");
            }
        }
        return new RecordedRouting(path, experts, topK, ids);
    }

    private static void readToken(JsonNode token, int experts, int topK, int[] out, int t, String where) {
        Args.check(token.isArray() && token.size() == topK, where + " must list " + topK + " expert ids");
        boolean[] seen = new boolean[experts];
        for (int k = 0; k < topK; k++) {
            JsonNode id = token.get(k);
            int e = id.asInt(-1);
            Args.check(
                    id.isInt() && e >= 0 && e < experts, where + ": expert id " + id + " outside 0.." + (experts - 1));
            Args.check(!seen[e], where + ": expert " + e + " listed twice");
            seen[e] = true;
            out[t * topK + k] = e;
        }
    }

    @Override
    public Optional<TopkRouting> route(int tokens, int experts, int topK, long seed, int layer) {
        Args.check(
                experts == this.experts && topK == this.topK,
                path + ": recorded for " + this.experts + " experts, top-" + this.topK + "; the model has " + experts
                        + ", top-" + topK);
        Args.positive("tokens", tokens);
        int[] recorded = layers[Math.floorMod(layer, layers.length)];
        int[] ids = new int[tokens * topK];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(recorded, (t * topK) % recorded.length, ids, t * topK, topK);
        }
        float[] weights = new float[ids.length];
        Arrays.fill(weights, 1f / topK);
        return Optional.of(new TopkRouting(tokens, topK, ids, weights));
    }

    @Override
    public String spec() {
        return "file:" + path;
    }
}

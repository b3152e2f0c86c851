package org.fusescope.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the runner's {@code --progress json} lines: one JSON object per line with at least {@code
 * phase} and {@code fraction}. Any other line (a log line, half a line) is not progress and goes to
 * the console. Thread-safe.
 */
public final class ProgressParser {
    /** The phases the runner reports. */
    public static final Set<String> PHASES =
            Set.of("calibrate", "prepare", "warmup", "measure", "verify", "write", "done", "error");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The progress on this line, or empty when the line is not a progress object. */
    public Optional<RunProgress> parse(String line) {
        String t = line == null ? "" : line.trim();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(t);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (n == null
                || !n.isObject()
                || !n.path("phase").isTextual()
                || !PHASES.contains(n.path("phase").asText())) {
            return Optional.empty();
        }
        double fraction = n.path("fraction").isNumber() ? n.path("fraction").asDouble() : Double.NaN;
        if (Double.isNaN(fraction)) {
            fraction = "done".equals(n.path("phase").asText()) ? 1.0 : -1;
        }
        return Optional.of(new RunProgress(
                n.path("phase").asText(),
                text(n, "run"),
                integer(n, "runIndex"),
                integer(n, "runs"),
                integer(n, "step"),
                integer(n, "steps"),
                fraction < 0 ? -1 : Math.min(1, fraction),
                text(n, "message")));
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isValueNode() && !n.path(field).isNull()
                ? n.path(field).asText()
                : null;
    }

    private static int integer(JsonNode n, String field) {
        return n.path(field).canConvertToInt() ? n.path(field).asInt() : -1;
    }
}

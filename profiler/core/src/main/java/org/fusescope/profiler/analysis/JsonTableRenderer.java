package org.fusescope.profiler.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ResultTable} as a pretty-printed JSON array with one object per row, keyed by
 * column name (without the unit) in column order. Numbers stay numbers; unknown values, NaN and
 * infinities become {@code null} because JSON has no NaN. Lines end in {@code \n} on every platform.
 * Stateless and thread-safe.
 */
public final class JsonTableRenderer {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonTableRenderer() {}

    public static String render(ResultTable table) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                    value = null;
                }
                object.put(table.columns().get(c).name(), value);
            }
            objects.add(object);
        }
        try {
            return WRITER.writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON of " + table.title(), e);
        }
    }
}

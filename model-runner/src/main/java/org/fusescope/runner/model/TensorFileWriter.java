package org.fusescope.runner.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds one small {@code .safetensors} file in memory (the format {@link SafetensorsFile} reads): an
 * 8-byte little-endian header length N, N bytes of JSON ({@code name → {dtype, shape, data_offsets}},
 * padded with spaces to a multiple of 8), then the tensors' raw little-endian data in the order added.
 * Dtypes BF16 (bits), F32 and I32. Not thread-safe.
 */
public final class TensorFileWriter {
    private final Map<String, ObjectNode> header = new LinkedHashMap<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /** Adds a BF16 tensor (bf16 bits). */
    public TensorFileWriter bf16(String name, long[] shape, short[] bits) {
        ByteBuffer b = buffer(name, shape, bits.length, 2);
        b.asShortBuffer().put(bits);
        return add(name, "BF16", shape, b.array());
    }

    /** Adds an F32 tensor. */
    public TensorFileWriter f32(String name, long[] shape, float[] values) {
        ByteBuffer b = buffer(name, shape, values.length, 4);
        b.asFloatBuffer().put(values);
        return add(name, "F32", shape, b.array());
    }

    /** Adds an I32 tensor. */
    public TensorFileWriter i32(String name, long[] shape, int[] values) {
        ByteBuffer b = buffer(name, shape, values.length, 4);
        b.asIntBuffer().put(values);
        return add(name, "I32", shape, b.array());
    }

    /** The tensors added so far, name → {dtype, shape}, in order (for an index). */
    public Map<String, ObjectNode> entries() {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        header.forEach((name, entry) -> {
            ObjectNode e = ConfigJson.MAPPER.createObjectNode();
            e.set("dtype", entry.get("dtype"));
            e.set("shape", entry.get("shape"));
            out.put(name, e);
        });
        return out;
    }

    /** The file's bytes. */
    public byte[] bytes() {
        ObjectNode root = ConfigJson.MAPPER.createObjectNode();
        root.putObject("__metadata__").put("format", "pt");
        header.forEach(root::set);
        StringBuilder json = new StringBuilder(root.toString());
        while (json.length() % 8 != 0) {
            json.append(' ');
        }
        byte[] h = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(data.toByteArray());
        return out.array();
    }

    /** Writes the file (replacing one that exists). */
    public Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    private ByteBuffer buffer(String name, long[] shape, int elements, int size) {
        if (header.containsKey(name) || name.equals("__metadata__")) {
            throw new IllegalArgumentException("tensor '" + name + "' is already in the file");
        }
        if (TensorInfo.elements(shape) != elements) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + TensorInfo.elements(shape) + " elements, not " + elements);
        }
        return ByteBuffer.allocate(Math.multiplyExact(elements, size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private TensorFileWriter add(String name, String dtype, long[] shape, byte[] bytes) {
        ObjectNode entry = ConfigJson.MAPPER.createObjectNode().put("dtype", dtype);
        ArrayNode dims = entry.putArray("shape");
        for (long d : shape) {
            dims.add(d);
        }
        entry.putArray("data_offsets").add(data.size()).add((long) data.size() + bytes.length);
        data.writeBytes(bytes);
        header.put(name, entry);
        return this;
    }
}

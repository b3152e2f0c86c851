package org.fusescope.runner.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes small safetensors files (and sharded checkpoints) for tests. Not thread-safe. */
final class SafetensorsWriter {
    private final Map<String, ObjectNode> header = new LinkedHashMap<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    SafetensorsWriter bf16(String name, long[] shape, short[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        return raw(name, "BF16", shape, b.array());
    }

    SafetensorsWriter f32(String name, long[] shape, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return raw(name, "F32", shape, b.array());
    }

    SafetensorsWriter raw(String name, String dtype, long[] shape, byte[] bytes) {
        ObjectNode entry = ConfigJson.MAPPER.createObjectNode().put("dtype", dtype);
        for (long d : shape) {
            entry.withArray("shape").add(d);
        }
        entry.withArray("data_offsets").add(data.size()).add(data.size() + bytes.length);
        data.writeBytes(bytes);
        header.put(name, entry);
        return this;
    }

    /** The file's bytes: header padded with spaces to 8 bytes, then the data. */
    byte[] bytes() {
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

    Path write(Path file) throws IOException {
        return Files.write(file, bytes());
    }

    /** Writes {@code model.safetensors.index.json} mapping each tensor of each shard to its file. */
    static void writeIndex(Path dir, Map<String, SafetensorsWriter> shards) throws IOException {
        ObjectNode root = ConfigJson.MAPPER.createObjectNode();
        ObjectNode map = root.putObject("weight_map");
        for (Map.Entry<String, SafetensorsWriter> shard : shards.entrySet()) {
            shard.getValue().write(dir.resolve(shard.getKey()));
            shard.getValue().header.keySet().forEach(name -> map.put(name, shard.getKey()));
        }
        Files.writeString(dir.resolve(Checkpoint.INDEX), root.toString());
    }
}

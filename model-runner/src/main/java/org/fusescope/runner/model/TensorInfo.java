package org.fusescope.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One tensor's entry in a safetensors header.
 *
 * @param dtype the safetensors dtype name, e.g. {@code BF16}
 * @param shape the dimensions
 * @param begin the first byte, relative to the data section
 * @param end one past the last byte, relative to the data section
 */
public record TensorInfo(String dtype, long[] shape, long begin, long end) {
    private static final Map<String, Integer> SIZES = Map.ofEntries(
            Map.entry("BOOL", 1),
            Map.entry("U8", 1),
            Map.entry("I8", 1),
            Map.entry("F8_E4M3", 1),
            Map.entry("F8_E5M2", 1),
            Map.entry("I16", 2),
            Map.entry("U16", 2),
            Map.entry("F16", 2),
            Map.entry("BF16", 2),
            Map.entry("I32", 4),
            Map.entry("U32", 4),
            Map.entry("F32", 4),
            Map.entry("I64", 8),
            Map.entry("U64", 8),
            Map.entry("F64", 8));

    /** The number of elements. */
    public long elements() {
        return elements(shape);
    }

    static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Parses and checks one header entry against a data section of {@code dataSize} bytes. */
    static TensorInfo parse(Path file, String name, JsonNode entry, long dataSize) {
        JsonNode dtype = entry.path("dtype");
        JsonNode shape = entry.path("shape");
        JsonNode offsets = entry.path("data_offsets");
        if (!dtype.isTextual() || !shape.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new CheckpointException(
                    file, name, "bad header entry " + entry + " (needs dtype, shape, data_offsets)");
        }
        Integer size = SIZES.get(dtype.asText());
        if (size == null) {
            throw new CheckpointException(file, name, "unknown dtype " + dtype.asText());
        }
        long[] dims = new long[shape.size()];
        for (int d = 0; d < dims.length; d++) {
            if (!shape.get(d).canConvertToLong()
                    || !shape.get(d).isIntegralNumber()
                    || shape.get(d).asLong() < 0) {
                throw new CheckpointException(file, name, "bad shape " + shape);
            }
            dims[d] = shape.get(d).asLong();
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (!offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber() || begin < 0 || end < begin) {
            throw new CheckpointException(file, name, "bad data_offsets " + offsets);
        }
        if (end > dataSize) {
            throw new CheckpointException(
                    file,
                    name,
                    "data_offsets " + offsets + " outside the file (data section of " + dataSize
                            + " bytes; truncated?)");
        }
        TensorInfo info = new TensorInfo(dtype.asText(), dims, begin, end);
        long bytes;
        try {
            bytes = Math.multiplyExact(info.elements(), (long) size);
        } catch (ArithmeticException e) {
            throw new CheckpointException(
                    file, name, "shape " + shape + " " + dtype.asText() + " has more bytes than a 64-bit count holds");
        }
        if (end - begin != bytes || begin % size != 0) {
            throw new CheckpointException(
                    file,
                    name,
                    "data_offsets " + offsets + " do not hold " + shape + " " + dtype.asText() + " aligned to " + size
                            + " bytes");
        }
        return info;
    }
}

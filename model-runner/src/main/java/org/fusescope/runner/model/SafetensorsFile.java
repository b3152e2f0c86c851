package org.fusescope.runner.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fusescope.kernels.cuda.Bf16;

/**
 * One {@code .safetensors} file: an 8-byte little-endian header length N, N bytes of JSON ({@code name
 * → {dtype, shape, data_offsets: [begin, end]}}, offsets relative to the data after the header), then
 * the data, memory-mapped read-only in 1 GiB windows. The whole header is checked on {@link #open};
 * tensors are read on demand as bf16 bits (BF16 as is, F32 rounded to nearest even). Immutable after
 * opening and safe to read from several threads; the mapping lives until the object is collected.
 */
public final class SafetensorsFile {
    static final int WINDOW = 1 << 30;

    private final Path path;
    private final Map<String, TensorInfo> tensors;
    private final MappedByteBuffer[] windows;

    private SafetensorsFile(Path path, Map<String, TensorInfo> tensors, MappedByteBuffer[] windows) {
        this.path = path;
        this.tensors = tensors;
        this.windows = windows;
    }

    /**
     * Opens and checks a file.
     *
     * @throws CheckpointException naming the file (and tensor) for an unreadable file, a header length
     *     beyond the file, bad header JSON, an unknown dtype, or offsets that do not match the shape or
     *     lie outside the file
     */
    public static SafetensorsFile open(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw new CheckpointException(path, "truncated: " + size + " bytes, no 8-byte header length");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength < 2 || headerLength > size - 8 || headerLength > Integer.MAX_VALUE) {
                throw new CheckpointException(
                        path, "header length " + headerLength + " beyond the file (" + size + " bytes)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            channel.read(header, 8);
            long dataStart = 8 + headerLength;
            Map<String, TensorInfo> tensors = parseHeader(path, header.array(), size - dataStart);
            MappedByteBuffer[] windows = new MappedByteBuffer[(int) ((size - dataStart + WINDOW - 1) / WINDOW)];
            for (int w = 0; w < windows.length; w++) {
                long start = dataStart + (long) w * WINDOW;
                windows[w] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW, size - start));
            }
            return new SafetensorsFile(path, tensors, windows);
        } catch (IOException e) {
            throw new CheckpointException(path, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Map<String, TensorInfo> parseHeader(Path path, byte[] json, long dataSize) {
        JsonNode root;
        try {
            root = ConfigJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new CheckpointException(path, "bad header JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException(path, "bad header JSON: expected an object");
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().equals("__metadata__")) {
                tensors.put(entry.getKey(), TensorInfo.parse(path, entry.getKey(), entry.getValue(), dataSize));
            }
        }
        return Collections.unmodifiableMap(tensors);
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The tensor names, in header order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** A tensor's dtype, shape and offsets, or null when the file has no such tensor. */
    public TensorInfo info(String name) {
        return tensors.get(name);
    }

    /** Reads tensor {@code name} of shape {@code shape} as bf16 bits into a new array. */
    public short[] readBf16(String name, long... shape) {
        short[] out = new short[Math.toIntExact(TensorInfo.elements(shape))];
        readBf16(name, shape, out, 0);
        return out;
    }

    /**
     * Reads tensor {@code name} as bf16 bits into {@code dest} from {@code offset} (F32 is rounded).
     *
     * @throws CheckpointException naming the file and tensor when it is missing, of a dtype other than
     *     BF16 or F32, or of another shape
     */
    public void readBf16(String name, long[] shape, short[] dest, int offset) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new CheckpointException(path, name, "not in the file");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new CheckpointException(
                    path, name, "shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
        }
        int n = Math.toIntExact(t.elements());
        switch (t.dtype()) {
            case "BF16" -> copy(t.begin(), n * 2L, (buf, done, count) -> buf.asShortBuffer()
                    .get(dest, offset + done / 2, count / 2));
            case "F32" -> copy(t.begin(), n * 4L, (buf, done, count) -> {
                for (int k = 0; k < count / 4; k++) {
                    dest[offset + done / 4 + k] = Bf16.fromFloat(buf.getFloat(k * 4));
                }
            });
            default -> throw new CheckpointException(path, name, "dtype " + t.dtype() + ", expected BF16 or F32");
        }
    }

    /**
     * Reads F32 tensor {@code name} of shape {@code shape}.
     *
     * @throws CheckpointException naming the file and tensor when it is missing, not F32 or of another shape
     */
    public float[] readF32(String name, long... shape) {
        TensorInfo t = exact(name, "F32", shape);
        float[] out = new float[Math.toIntExact(t.elements())];
        copy(t.begin(), out.length * 4L, (buf, done, count) -> buf.asFloatBuffer()
                .get(out, done / 4, count / 4));
        return out;
    }

    /**
     * Reads I32 tensor {@code name} of shape {@code shape}.
     *
     * @throws CheckpointException naming the file and tensor when it is missing, not I32 or of another shape
     */
    public int[] readI32(String name, long... shape) {
        TensorInfo t = exact(name, "I32", shape);
        int[] out = new int[Math.toIntExact(t.elements())];
        copy(t.begin(), out.length * 4L, (buf, done, count) -> buf.asIntBuffer().get(out, done / 4, count / 4));
        return out;
    }

    private TensorInfo exact(String name, String dtype, long[] shape) {
        TensorInfo t = tensors.get(name);
        if (t == null) {
            throw new CheckpointException(path, name, "not in the file");
        }
        if (!t.dtype().equals(dtype)) {
            throw new CheckpointException(path, name, "dtype " + t.dtype() + ", expected " + dtype);
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new CheckpointException(
                    path, name, "shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
        }
        return t;
    }

    private interface Chunk {
        void accept(ByteBuffer littleEndian, int bytesDone, int bytes);
    }

    /** Hands the bytes {@code [begin, begin + length)} of the data over window by window. */
    private void copy(long begin, long length, Chunk chunk) {
        long done = 0;
        while (done < length) {
            long at = begin + done;
            int in = (int) (at % WINDOW);
            int count = (int) Math.min(length - done, WINDOW - in);
            ByteBuffer view = windows[(int) (at / WINDOW)].duplicate();
            view.position(in).limit(in + count);
            chunk.accept(view.slice().order(ByteOrder.LITTLE_ENDIAN), Math.toIntExact(done), count);
            done += count;
        }
    }
}

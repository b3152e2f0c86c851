package org.fusescope.runner.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, failure 15: a header whose shape overflows 64 bits names the file and the tensor. */
class SafetensorsHeaderTest {
    @TempDir
    Path dir;

    private Path fileWithHeader(String json) throws Exception {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header);
        Path f = dir.resolve("model.safetensors");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void aShapeWhoseSizeOverflowsNamesTheFileAndTensor() throws Exception {
        Path f = fileWithHeader(
                "{\"w\":{\"dtype\":\"BF16\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,16]}}");
        // before: ArithmeticException "long overflow"
        assertThatThrownBy(() -> SafetensorsFile.open(f))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("tensor w")
                .hasMessageContaining("64-bit");
    }

    @Test
    void aShapeWhoseByteCountOverflowsNamesTheFileAndTensor() throws Exception {
        Path f = fileWithHeader("{\"w\":{\"dtype\":\"F64\",\"shape\":[2305843009213693952],\"data_offsets\":[0,16]}}");
        assertThatThrownBy(() -> SafetensorsFile.open(f))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("64-bit");
    }

    @Test
    void aCheckpointWithABadHeaderIsRefusedWhenOpenedNotWhenFirstRead() throws Exception {
        Path f = fileWithHeader(
                "{\"w\":{\"dtype\":\"BF16\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,16]}}");
        // before: opening only looked for the file; the header was read after the GPU check
        assertThatThrownBy(() -> WeightSource.checkpoint(
                        ModelConfig.preset(ModelConfig.presetNames().get(0)), dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(f.toString());
    }
}

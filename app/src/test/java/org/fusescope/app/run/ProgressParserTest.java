package org.fusescope.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressParserTest {
    private final ProgressParser parser = new ProgressParser();

    @Test
    void readsAFullLine() {
        RunProgress p = parser.parse("{\"phase\":\"measure\",\"run\":\"fused b=64 graph\",\"runIndex\":2,\"runs\":12,"
                        + "\"step\":5,\"steps\":20,\"fraction\":0.42,\"message\":\"step 5\"}")
                .orElseThrow();
        assertThat(p.phase()).isEqualTo("measure");
        assertThat(p.run()).isEqualTo("fused b=64 graph");
        assertThat(p.runIndex()).isEqualTo(2);
        assertThat(p.runs()).isEqualTo(12);
        assertThat(p.fraction()).isEqualTo(0.42);
        assertThat(p.describe()).isEqualTo("measure fused b=64 graph (run 2/12, step 6/20): step 5");
    }

    @Test
    void missingFieldsAreUnknown() {
        RunProgress p =
                parser.parse("  {\"phase\":\"calibrate\",\"fraction\":0}").orElseThrow();
        assertThat(p.run()).isNull();
        assertThat(p.runIndex()).isEqualTo(-1);
        assertThat(p.describe()).isEqualTo("calibrate");
        // the runner writes runIndex 0 outside a run (1-based inside one)
        assertThat(parser.parse("{\"phase\":\"verify\",\"runIndex\":0,\"runs\":4,\"fraction\":0.1}")
                        .orElseThrow()
                        .describe())
                .isEqualTo("verify");
        assertThat(parser.parse("{\"phase\":\"done\"}").orElseThrow().fraction())
                .isEqualTo(1.0);
        assertThat(parser.parse("{\"phase\":\"write\"}").orElseThrow().fraction())
                .isEqualTo(-1);
    }

    @Test
    void errorsCarryTheirReason() {
        RunProgress p = parser.parse("{\"phase\":\"error\",\"fraction\":0.3,\"message\":\"CUDA_ERROR_OUT_OF_MEMORY\"}")
                .orElseThrow();
        assertThat(p.error()).isTrue();
        assertThat(p.done()).isFalse();
        assertThat(p.message()).isEqualTo("CUDA_ERROR_OUT_OF_MEMORY");
    }

    @Test
    void otherLinesAreNotProgress() {
        assertThat(parser.parse("compiling kernels ...")).isEmpty();
        assertThat(parser.parse("{\"phase\":\"measure\",")).isEmpty();
        assertThat(parser.parse("{\"phase\":\"dance\",\"fraction\":1}")).isEmpty();
        assertThat(parser.parse("[1,2]")).isEmpty();
        assertThat(parser.parse(null)).isEmpty();
    }

    @Test
    void gpuProbeSaysWhyRunIsOff(@TempDir Path dir) throws Exception {
        assertThat(GpuProbe.whyNoGpu(dir.toString(), dir.toString()))
                .hasValueSatisfying(why -> assertThat(why).contains("nvidia-smi"))
                .satisfiesAnyOf(w -> assertThat(w.get()).contains("libcuda.so.1"), w -> assertThat(w.get())
                        .contains("driver"));
        Files.createFile(dir.resolve("libcuda.so.1"));
        Path smi = Files.createFile(dir.resolve("nvidia-smi"));
        smi.toFile().setExecutable(true);
        assertThat(GpuProbe.whyNoGpu(dir.toString(), dir.toString())).isEmpty();
    }
}

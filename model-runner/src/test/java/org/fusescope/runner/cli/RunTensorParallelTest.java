package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import org.fusescope.kernels.cuda.Gpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --tp N}: N > 1 stops before any work with one line; a size the model cannot split is refused. */
class RunTensorParallelTest {
    @TempDir
    Path dir;

    @Test
    void tpTwoWithoutGpusSaysWhatItNeedsInOneLineAndWritesNothing() {
        assumeFalse(Gpu.isAvailable(), "this machine has a GPU; the test is for machines without one");
        Path db = dir.resolve("run.sqlite");
        Cli.Result r = Cli.run("run", "--preset", "tiny", "--tp", "2", "--batch", "1", "--out", db.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("fusescope: --tp 2 needs 2 GPUs of one host; 0 visible here (missing: ");
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(db).doesNotExist();
    }

    @Test
    void aSizeTheModelCannotSplitIsRefusedInOneLine() {
        Path db = dir.resolve("run.sqlite");
        Cli.Result r = Cli.run("run", "--preset", "tiny", "--tp", "4", "--out", db.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("does not divide the gated-delta-net key heads (2)");
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(db).doesNotExist();

        Cli.Result zero = Cli.run("run", "--preset", "tiny", "--tp", "0", "--out", db.toString());
        assertThat(zero.exitCode()).isEqualTo(1);
        assertThat(zero.err()).contains("at least 1, not 0");
        assertThat(zero.errLines()).isEqualTo(1);
    }
}

package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --tp N} with a size the model cannot split is refused in one line (without a GPU: {@link RunWithoutGpuTest}). */
class RunTensorParallelTest {
    @TempDir
    Path dir;

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

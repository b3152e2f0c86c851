package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import org.fusescope.kernels.cuda.Gpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where no GPU is, {@code fusescope run} says why in one line and creates no database. */
class RunWithoutGpuTest {
    @TempDir
    Path dir;

    @Test
    void withoutAGpuRunNamesWhatIsMissingAndWritesNothing() {
        assumeFalse(Gpu.isAvailable(), "this machine has a GPU; the test is for machines without one");
        Path db = dir.resolve("run.sqlite");
        Cli.Result r = Cli.run("run", "--preset", "tiny", "--batch", "1", "--out", db.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("fusescope: ").contains("libcuda.so.1");
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(db).doesNotExist();
    }
}

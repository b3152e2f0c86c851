package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.kernels.cuda.Gpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where no GPU is, {@code fusescope run} (also with {@code --tp 2}) says why in one line and creates no database. */
class RunWithoutGpuTest {
    @TempDir
    Path dir;

    @Test
    void withoutAGpuRunNamesWhatIsMissingAndWritesNothing() {
        assertThat(failsInOneLine("--batch", "1")).startsWith("fusescope: ").contains("libcuda.so.1");
    }

    @Test
    void tpTwoWithoutGpusSaysWhatItNeedsInOneLineAndWritesNothing() {
        assertThat(failsInOneLine("--tp", "2", "--batch", "1"))
                .startsWith("fusescope: --tp 2 needs 2 GPUs of one host; 0 visible here (missing: ");
    }

    /** Runs {@code run --preset tiny ARGS --out DB}; checks exit 1, one line on stderr and no DB; returns stderr. */
    private String failsInOneLine(String... args) {
        assumeFalse(Gpu.isAvailable(), "this machine has a GPU; the test is for machines without one");
        Path db = dir.resolve("run.sqlite");
        List<String> all = new ArrayList<>(List.of("run", "--preset", "tiny"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", db.toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(db).doesNotExist();
        return r.err();
    }
}

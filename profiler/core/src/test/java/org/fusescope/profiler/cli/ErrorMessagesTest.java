package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, failure 8: every error names the file and the problem, in one line. */
class ErrorMessagesTest {
    @TempDir
    Path dir;

    private static void assertOneLine(Cli.Result r, String... parts) {
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(parts).doesNotContain("\tat ");
    }

    @Test
    void negativeExpertCount() throws Exception {
        Path copy = CraftedCopies.golden(dir.resolve("experts.sqlite"), "UPDATE FS_EXPERT_COUNTS SET experts = -5");
        Cli.Result r = Cli.run("report", copy.toString(), "--run", "1", "--section", "experts");
        // before: "fusescope: -5"
        assertOneLine(r, copy.toString(), "FS_EXPERT_COUNTS.experts", "-5");
    }

    @Test
    void negativeGridSize() throws Exception {
        Path copy = CraftedCopies.golden(
                dir.resolve("grid.sqlite"), "UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET gridX = -494665728 WHERE rowid = 1");
        Cli.Result r = Cli.run("report", copy.toString(), "--section", "summary");
        // before: "fusescope: negative dimension: -494665728,1,1"
        assertOneLine(r, copy.toString(), "CUPTI_ACTIVITY_KIND_KERNEL", "negative dimension: -494665728");
    }

    @Test
    void exportIntoAMissingFolder() throws Exception {
        Path out = dir.resolve("nope").resolve("x.json");
        Cli.Result r = Cli.run("export", CraftedCopies.GOLDEN.toString(), "--chrome", out.toString());
        assertOneLine(r, out.toString(), "does not exist");
    }

    @Test
    void csvOntoAFile() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        Cli.Result r = Cli.run("export", CraftedCopies.GOLDEN.toString(), "--csv", file.toString());
        assertOneLine(r, file.toString(), "is a file");
    }
}

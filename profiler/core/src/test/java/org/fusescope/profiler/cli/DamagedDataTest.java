package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, failure 5: damaged core data is reported, one line per problem on stderr naming the
 * table, the column and how many rows, while the report still shows what is sound (exit 0).
 */
class DamagedDataTest {
    @TempDir
    Path dir;

    private static final String KERNELS = "CUPTI_ACTIVITY_KIND_KERNEL";

    private Cli.Result report(String name, String... damage) throws Exception {
        Path copy = CraftedCopies.golden(dir.resolve(name + ".sqlite"), damage);
        return Cli.run("report", copy.toString(), "--run", "1", "--section", "summary");
    }

    private static void assertReported(Cli.Result r, String... parts) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines()).as(r.err()).anySatisfy(line -> assertThat(line)
                .contains(parts));
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void noKernelTable() throws Exception {
        Cli.Result r = report("no-kernels", "DROP TABLE " + KERNELS);
        assertReported(r, KERNELS, "missing");
    }

    @Test
    void noStringIds() throws Exception {
        Cli.Result r = report("no-strings", "DROP TABLE StringIds");
        assertReported(r, "StringIds", "missing", "rows");
    }

    @Test
    void nullShortNamesAreCountedAndNotNamedAfterStringZero() throws Exception {
        Cli.Result r = report(
                "null-names",
                CraftedCopies.then(
                        CraftedCopies.withoutConstraints(KERNELS),
                        "UPDATE " + KERNELS + " SET shortName = NULL WHERE rowid % 2 = 0"));
        assertReported(r, KERNELS + ".shortName", "NULL", "rows");
        assertThat(r.out()).doesNotContain("cuDeviceGet");
    }

    @Test
    void badStartsAreCounted() throws Exception {
        Cli.Result r = report(
                "bad-starts",
                CraftedCopies.then(
                        CraftedCopies.withoutConstraints(KERNELS),
                        "UPDATE " + KERNELS + " SET start = NULL WHERE rowid % 7 = 0",
                        "UPDATE " + KERNELS + " SET start = -5 WHERE rowid % 7 = 1",
                        "UPDATE " + KERNELS + " SET start = 'x' WHERE rowid % 7 = 2"));
        assertReported(r, KERNELS + ".start", "rows");
    }

    @Test
    void emptyRunsTable() throws Exception {
        Path copy = CraftedCopies.golden(dir.resolve("no-runs.sqlite"), "DELETE FROM FS_RUNS");
        Cli.Result r = Cli.run("info", copy.toString());
        assertReported(r, "FS_RUNS", "no rows");
    }

    @Test
    void soundRecordingReportsNothing() throws Exception {
        Cli.Result r = Cli.run("report", CraftedCopies.GOLDEN.toString(), "--run", "1");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
    }
}

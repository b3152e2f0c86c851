package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, failure 4: byte counts near 9e18 give no negative or wrapped throughput. */
class OverflowTest {
    @TempDir
    Path dir;

    /** A negative number of 13 or more digits: a sum of byte counts that wrapped. */
    private static final String WRAPPED = "-\\d{13,}";

    /** A negative rate in scientific notation, as -3.86E12 GB/s. */
    private static final String NEGATIVE_RATE = "-\\d\\.\\d+E\\d+";

    private Path hugeBytes() throws Exception {
        return CraftedCopies.golden(
                dir.resolve("huge-bytes.sqlite"),
                "UPDATE FS_KERNEL_ATTRIBUTION SET bytesRead = 9000000000000000000, flops = 9000000000000000000"
                        + " WHERE rowid % 3 = 0");
    }

    @Test
    void reportShowsNoNegativeThroughput() throws Exception {
        Cli.Result r = Cli.run("report", hugeBytes().toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContainPattern(WRAPPED).doesNotContainPattern(NEGATIVE_RATE);
    }

    @Test
    void compareShowsNoNegativeThroughput() throws Exception {
        Cli.Result r = Cli.run("compare", hugeBytes().toString(), "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContainPattern(WRAPPED);
    }
}

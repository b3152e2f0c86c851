package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, failure 10: a path is a literal file name, never JDBC URL parameters. */
class PathInUrlTest {
    @TempDir
    Path dir;

    @Test
    void synthWritesTheFileNamedWithAQuestionMarkAndLeavesTheOtherAlone() throws Exception {
        Path existing = Files.copy(CraftedCopies.GOLDEN, dir.resolve("v.sqlite"));
        byte[] before = Files.readAllBytes(existing);
        Path literal = dir.resolve("v.sqlite?journal_mode=WAL");
        Cli.Result r = Cli.run("synth", literal.toString(), "--preset", "tiny", "--batches", "1", "--modes", "graph");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(literal).exists();
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
        assertThat(Cli.run("info", literal.toString()).exitCode()).isZero();
    }

    @Test
    void infoReadsTheFileNamedWithAQuestionMarkNotTheOneBeforeIt() throws Exception {
        Path literal = Files.copy(CraftedCopies.GOLDEN, dir.resolve("q.sqlite?x"));
        Files.copy(CraftedCopies.GOLDEN, dir.resolve("q.sqlite"));
        CraftedCopies.golden(dir.resolve("decoy.sqlite"), "UPDATE FS_RUNS SET name = 'decoy ' || name");
        Files.move(
                dir.resolve("decoy.sqlite"),
                dir.resolve("q.sqlite"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli.Result r = Cli.run("info", literal.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("unfused b=1 graph").doesNotContain("decoy");
    }

    @Test
    void namesWithHashAndPercentAreLiteralToo() throws Exception {
        Path literal = Files.copy(CraftedCopies.GOLDEN, dir.resolve("a#b%3F.sqlite"));
        Cli.Result r = Cli.run("info", literal.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}

package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one line naming the file and the problem, and never changes the file. */
class BadInputTest {
    @TempDir
    static Path dir;

    static Path trace;

    @BeforeAll
    static void writeTrace() {
        trace = dir.resolve("trace.sqlite");
        assertThat(Cli.run("synth", trace.toString(), "--preset", "tiny", "--batches", "1", "--modes", "graph")
                        .exitCode())
                .isZero();
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.sqlite");
        assertOneLineError(Cli.run("info", missing.toString()), missing, "no such file");
        assertThat(missing).doesNotExist();
    }

    @Test
    void directory() {
        assertOneLineError(Cli.run("report", dir.toString()), dir, "directory");
    }

    @Test
    void fileThatIsNotSqlite() throws Exception {
        Path text = dir.resolve("notes.sqlite");
        Files.writeString(text, "these are notes, not a database\n".repeat(100), StandardCharsets.UTF_8);
        assertUnchanged(text, () -> assertOneLineError(Cli.run("report", text.toString()), text, "not an SQLite"));
    }

    @Test
    void sqliteDatabaseThatIsNotATrace() throws Exception {
        Path other = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO customers(name) VALUES ('Ada')");
        }
        assertUnchanged(other, () -> assertOneLineError(Cli.run("compare", other.toString()), other, "not a trace"));
    }

    @Test
    void unknownRun() throws Exception {
        assertUnchanged(
                trace,
                () -> assertOneLineError(
                        Cli.run("report", trace.toString(), "--run", "warp drive"), trace, "warp drive"));
        assertUnchanged(
                trace, () -> assertOneLineError(Cli.run("compare", trace.toString(), "--runs", "1,99"), trace, "99"));
    }

    @Test
    void synthRefusesToOverwrite() throws Exception {
        assertUnchanged(
                trace,
                () -> assertOneLineError(Cli.run("synth", trace.toString(), "--preset", "tiny"), trace, "exists"));
    }

    @Test
    void synthRefusesImpossibleSizesAtOnceAndWritesNothing() {
        Path out = dir.resolve("huge.sqlite");
        Cli.Result huge = Cli.run("synth", out.toString(), "--preset", "tiny", "--batches", "2147483647");
        assertThat(huge.exitCode()).isEqualTo(1);
        assertThat(huge.errLines()).isEqualTo(1);
        assertThat(huge.err()).contains("--batches").contains("2147483647").contains("1..4096");
        Cli.Result zero = Cli.run("synth", out.toString(), "--preset", "tiny", "--steps", "0");
        assertThat(zero.exitCode()).isEqualTo(1);
        assertThat(zero.err()).contains("--steps").contains("0");
        assertThat(out).doesNotExist();
    }

    @Test
    void debugAddsTheStackTrace() {
        Path missing = dir.resolve("nope.sqlite");
        Cli.Result result = Cli.run("info", "--debug", missing.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).isGreaterThan(3);
        assertThat(result.err()).contains("\tat org.fusescope");
    }

    private static void assertOneLineError(Cli.Result result, Path file, String problem) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).as(result.err()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("fusescope: ")
                .contains(file.toString())
                .containsIgnoringCase(problem);
        assertThat(result.out()).isEmpty();
    }

    private static void assertUnchanged(Path file, Runnable action) throws Exception {
        byte[] before = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        action.run();
        assertThat(Arrays.equals(before, Files.readAllBytes(file)))
                .as("bytes of " + file)
                .isTrue();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }
}

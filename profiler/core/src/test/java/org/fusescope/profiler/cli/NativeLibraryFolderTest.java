package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlite-jdbc's native library is unpacked into a folder FuseScope owns, never the shared temp
 * folder (issue 17, failure 2), and a temp folder that cannot take it is no longer a problem, or,
 * when no folder can, one line says so (failure 13). Child JVMs: the library loads once per JVM.
 */
class NativeLibraryFolderTest {
    private static final String GOLDEN = Path.of("src", "test", "resources", "golden", "recording.sqlite")
            .toAbsolutePath()
            .toString();

    @TempDir
    Path dir;

    private static List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    @Test
    void sqlitesLibraryIsUnpackedIntoTheNativesFolderNotTheTempFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path natives = dir.resolve("natives");
        Cli.Result r = CliProcess.run(
                List.of("-Djava.io.tmpdir=" + tmp, "-Dfusescope.natives.dir=" + natives), "info", GOLDEN);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(filesIn(tmp)).isEmpty();
        // (sqlite-jdbc deletes its unpacked library when the JVM exits)
        assertThat(Files.getPosixFilePermissions(natives)).hasSize(3); // rwx for the owner only
    }

    /** Before: sqlite-jdbc's SEVERE stack trace, then "cannot open as SQLite database", exit 1. */
    @Test
    void aTempFolderThatCannotTakeTheLibraryDoesNotMatter() throws Exception {
        Path noTemp = dir.resolve("missing-temp-folder");
        Cli.Result r = CliProcess.run(
                List.of("-Djava.io.tmpdir=" + noTemp, "-Dfusescope.natives.dir=" + dir.resolve("natives")),
                "info",
                GOLDEN);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withNoUsableFolderOneLineSaysWhichFoldersAndWhy() throws Exception {
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Result r = CliProcess.run(
                List.of(
                        "-Djava.io.tmpdir=" + dir.resolve("missing"),
                        "-Dfusescope.natives.dir=" + aFile.resolve("natives")),
                "info",
                GOLDEN);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).as(r.err()).isEqualTo(1);
        assertThat(r.err())
                .startsWith("fusescope: cannot unpack native libraries")
                .contains(aFile.toString())
                .doesNotContain("SEVERE")
                .doesNotContain("\tat ");
    }
}

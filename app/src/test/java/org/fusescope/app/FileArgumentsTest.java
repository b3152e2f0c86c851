package org.fusescope.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file on the command line that is missing or no recording: one line naming the file and the
 * problem, exit status 1, and no picocli "Unmatched argument" guess at a subcommand.
 */
class FileArgumentsTest {
    @TempDir
    Path dir;

    private record Outcome(int status, String err) {}

    private static Outcome launch(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(Launcher.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void aMissingFileIsOneLineAndExitStatusOne() {
        String missing = dir.resolve("missing.sqlite").toString();
        Outcome o = launch(missing);
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err()).isEqualTo("fusescope: " + missing + ": no such file" + System.lineSeparator());
        assertThat(o.err()).doesNotContain("Unmatched argument").doesNotContain("Did you mean");
    }

    @Test
    void aRelativeMissingFileIsNamedAsGiven() {
        Outcome o = launch("missing.sqlite");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("fusescope: missing.sqlite: no such file");
    }

    @Test
    void aFileThatIsNoDatabaseSaysSo() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Outcome o = launch(notes.toString());
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err().lines()).hasSize(1);
        assertThat(o.err()).startsWith("fusescope: " + notes + ": not an SQLite database");
    }

    @Test
    void aDirectoryIsNoRecording() {
        Outcome o = launch(dir.toString());
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("fusescope: " + dir + ": is a directory, not a recording");
    }

    @Test
    void theSecondOfTwoFilesIsCheckedToo() {
        Outcome o = launch(Golden.file().toString(), "gone.sqlite");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.err().strip()).isEqualTo("fusescope: gone.sqlite: no such file");
    }

    @Test
    void aMistypedSubcommandStillGetsTheCommandLinesSuggestion() {
        Outcome o = launch("compar");
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).contains("Did you mean");
    }
}

package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from a recording reach the terminal without their control characters. */
class TerminalTextTest {
    private static final String HOSTILE = "fused\u001b]0;pwned\u0007\u001b[2J b=1\u009b";

    @TempDir
    Path dir;

    @Test
    void controlCharactersAreShownNotSent() {
        assertThat(TerminalText.safe(HOSTILE)).isEqualTo("fused\\x1b]0;pwned\\x07\\x1b[2J b=1\\x9b");
        assertThat(TerminalText.safe("unfused b=16 graph µs")).isEqualTo("unfused b=16 graph µs");
    }

    @Test
    void infoPrintsAHostileRunNameEscaped() throws Exception {
        Path db = dir.resolve("hostile.sqlite");
        Files.copy(Path.of("src/test/resources/golden/recording.sqlite"), db);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute("UPDATE FS_RUNS SET name = '" + HOSTILE + "' WHERE rowid = 1");
        }
        Cli.Result r = Cli.run("info", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("fused\\x1b]0;pwned\\x07")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }
}

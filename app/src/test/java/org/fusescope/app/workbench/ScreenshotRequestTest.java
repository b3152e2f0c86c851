package org.fusescope.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A screenshot never lands on the database it shows. */
class ScreenshotRequestTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseShownIsNeverTheScreenshotsTarget() throws Exception {
        Path db = Files.writeString(dir.resolve("y.sqlite"), "not really a database, but precious");
        assertThatThrownBy(() -> ScreenshotRequest.parse(List.of("--screenshot", db.toString(), db.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("database to show");
        Path viaDots = dir.resolve(".").resolve("y.sqlite");
        assertThatThrownBy(() -> ScreenshotRequest.parse(List.of("--screenshot", viaDots.toString(), db.toString())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(db)).isEqualTo("not really a database, but precious");
        assertThat(ScreenshotRequest.parse(
                                List.of("--screenshot", dir.resolve("y.png").toString(), db.toString()))
                        .files())
                .containsExactly(db.toString());
    }
}

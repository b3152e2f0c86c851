package org.fusescope.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchPrefsTest {
    @Test
    void persistsThemeRecentFilesToolWindowsAndDividers(@TempDir Path dir) {
        Path file = dir.resolve("sub/workbench.properties");
        WorkbenchPrefs prefs = WorkbenchPrefs.load(file);
        assertThat(prefs.darkTheme()).isFalse();
        assertThat(prefs.recentFiles()).isEmpty();
        assertThat(prefs.toolWindowVisible("console")).isTrue();
        prefs.setDarkTheme(true);
        for (int i = 0; i < 12; i++) {
            prefs.addRecent(dir.resolve("r" + i + ".sqlite"));
        }
        prefs.addRecent(dir.resolve("r5.sqlite"));
        prefs.setToolWindowVisible("console", false);
        prefs.setDividers("outer", 0.25, 0.5);
        prefs.setNumber("window.width", 1234);
        assertThat(prefs.save()).isTrue();

        WorkbenchPrefs again = WorkbenchPrefs.load(file);
        assertThat(again.darkTheme()).isTrue();
        assertThat(again.recentFiles()).hasSize(WorkbenchPrefs.MAX_RECENT);
        assertThat(again.recentFiles().get(0)).isEqualTo(dir.resolve("r5.sqlite"));
        assertThat(again.recentFiles().get(1)).isEqualTo(dir.resolve("r11.sqlite"));
        assertThat(again.toolWindowVisible("console")).isFalse();
        assertThat(again.dividers("outer", 0.1)).containsExactly(0.25, 0.5);
        assertThat(again.dividers("none", 0.1)).containsExactly(0.1);
        assertThat(again.number("window.width", 1)).isEqualTo(1234);
    }

    @Test
    void aToolWindowKeepsTheDockItWasMovedTo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workbench.properties");
        WorkbenchPrefs prefs = WorkbenchPrefs.load(file);
        assertThat(prefs.toolWindowDock("roofline", Dock.RIGHT)).isEqualTo(Dock.RIGHT);
        prefs.setToolWindowDock("roofline", Dock.LEFT);
        prefs.setToolWindowDock("console", Dock.RIGHT);
        assertThat(prefs.save()).isTrue();

        WorkbenchPrefs again = WorkbenchPrefs.load(file);
        assertThat(again.toolWindowDock("roofline", Dock.RIGHT)).isEqualTo(Dock.LEFT);
        assertThat(again.toolWindowDock("console", Dock.BOTTOM)).isEqualTo(Dock.RIGHT);
        assertThat(again.toolWindowDock("problems", Dock.BOTTOM)).isEqualTo(Dock.BOTTOM);

        Files.writeString(file, "dock.roofline=top\n");
        assertThat(WorkbenchPrefs.load(file).toolWindowDock("roofline", Dock.RIGHT))
                .as("an unknown dock falls back")
                .isEqualTo(Dock.RIGHT);
    }

    @Test
    void aBrokenFileGivesDefaults(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("workbench.properties"), "theme=dark\ndividers.outer=a,b\n");
        WorkbenchPrefs prefs = WorkbenchPrefs.load(file);
        assertThat(prefs.darkTheme()).isTrue();
        assertThat(prefs.dividers("outer", 0.3)).containsExactly(0.3);
        assertThat(prefs.number("missing", 7)).isEqualTo(7);
    }
}

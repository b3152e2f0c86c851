package org.fusescope.app.prefs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * What persists between sessions: theme, recent files, tool-window visibility and dock, divider
 * positions, window size. Stored as a properties file in {@code $fusescope.config.dir} (default {@code
 * ~/.config/fusescope}). Not thread-safe; the workbench uses it on the FX thread.
 */
public final class WorkbenchPrefs {
    /** Recent files kept. */
    public static final int MAX_RECENT = 10;

    private final Path file;
    private final Properties props = new Properties();

    private WorkbenchPrefs(Path file) {
        this.file = file;
    }

    /** The preferences of this user (or of {@code -Dfusescope.config.dir}). */
    public static WorkbenchPrefs load() {
        String dir = System.getProperty("fusescope.config.dir");
        Path base = dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".config", "fusescope");
        return load(base.resolve("workbench.properties"));
    }

    /** The preferences stored in {@code file}; empty when it does not exist or cannot be read. */
    public static WorkbenchPrefs load(Path file) {
        WorkbenchPrefs prefs = new WorkbenchPrefs(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                prefs.props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                prefs.props.clear();
            }
        }
        return prefs;
    }

    /** Writes the file; returns false when it cannot (the session goes on without persistence). */
    public boolean save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(out, "FuseScope workbench");
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    public boolean darkTheme() {
        return "dark".equals(props.getProperty("theme"));
    }

    public void setDarkTheme(boolean dark) {
        props.setProperty("theme", dark ? "dark" : "light");
    }

    /** Recent files, newest first. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (String s : props.getProperty("recent", "").split("\n")) {
            if (!s.isBlank()) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    /** Puts a file first in the recent list (once), keeping {@link #MAX_RECENT}. */
    public void addRecent(Path path) {
        Set<String> recent = new LinkedHashSet<>();
        recent.add(path.toAbsolutePath().normalize().toString());
        recentFiles().forEach(p -> recent.add(p.toString()));
        props.setProperty(
                "recent", String.join("\n", recent.stream().limit(MAX_RECENT).toList()));
    }

    /** Whether a tool window is shown (default: shown). */
    public boolean toolWindowVisible(String id) {
        return !Boolean.parseBoolean(props.getProperty("hidden." + id, "false"));
    }

    public void setToolWindowVisible(String id, boolean visible) {
        props.setProperty("hidden." + id, String.valueOf(!visible));
    }

    /** The dock a tool window was moved to, or {@code fallback} when it was never moved. */
    public Dock toolWindowDock(String id, Dock fallback) {
        return Dock.parse(props.getProperty("dock." + id)).orElse(fallback);
    }

    public void setToolWindowDock(String id, Dock dock) {
        props.setProperty("dock." + id, dock.key());
    }

    /** Divider positions of a split pane, or {@code fallback} when none were stored. */
    public double[] dividers(String id, double... fallback) {
        String s = props.getProperty("dividers." + id);
        if (s == null) {
            return fallback;
        }
        try {
            return Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void setDividers(String id, double... positions) {
        props.setProperty(
                "dividers." + id,
                String.join(
                        ",", Arrays.stream(positions).mapToObj(Double::toString).toList()));
    }

    /** A stored number, or {@code fallback}. */
    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(props.getProperty(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void setNumber(String key, double value) {
        props.setProperty(key, Double.toString(value));
    }

    /** A stored text, or {@code fallback}. */
    public String text(String key, String fallback) {
        return props.getProperty(key, fallback);
    }

    public void setText(String key, String value) {
        props.setProperty(key, value);
    }
}

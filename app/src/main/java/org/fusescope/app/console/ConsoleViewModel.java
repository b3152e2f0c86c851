package org.fusescope.app.console;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Console tool window: the runner's output and workbench messages, newest last, capped. */
public final class ConsoleViewModel {
    /** Lines kept; older ones drop off. */
    public static final int MAX_LINES = 5000;

    private final ObservableList<String> lines = FXCollections.observableArrayList();

    public ObservableList<String> lines() {
        return lines;
    }

    /** Appends a line (use on the FX thread). */
    public void append(String line) {
        lines.add(line);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    public void clear() {
        lines.clear();
    }

    /** Everything as one text. */
    public String text() {
        return String.join("\n", lines);
    }
}
